package io.hubkit.test;

import io.hubkit.core.HubException;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The hub the test client is tested against: one method per kind of answer. */
@Hub("/hubs/sample")
public class SampleHub {

    public String echo(String text) {
        return text;
    }

    public int add(int a, int b) {
        return a + b;
    }

    public Person older(Person person) {
        return new Person(person.name(), person.age() + 1, person.tags());
    }

    public void nothing() {
    }

    public void fail() {
        throw new HubException("nope");
    }

    public Flux<Integer> count(int last) {
        return Flux.range(1, last);
    }

    public Flux<Long> forever() {
        return Flux.interval(Duration.ofMillis(5));
    }

    public Flux<Integer> breaks() {
        return Flux.concat(Flux.just(1), Flux.error(new HubException("stream broke")));
    }

    public Mono<Void> shout(String text, HubCallerContext caller, HubCallerClients clients) {
        return clients.all().send("heard", caller.connectionInfo().queryParam("user"), text);
    }

    public Mono<String> askName(HubCallerClients clients, HubCallerContext caller) {
        return clients.client(caller.connectionId()).invoke(String.class, "name", "please")
                .map(name -> "hello " + name);
    }

    public String header(String name, HubCallerContext caller) {
        return caller.connectionInfo().header(name);
    }

    public void leave(HubCallerContext caller) {
        caller.abort();
    }
}
