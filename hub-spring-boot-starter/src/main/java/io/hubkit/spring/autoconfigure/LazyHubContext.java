package io.hubkit.spring.autoconfigure;

import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubClients;
import io.hubkit.core.context.HubContext;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import org.springframework.beans.factory.BeanFactory;

/**
 * The {@code HubContext<H>} bean of one hub: looks the hub's endpoint up in the
 * {@link HubEndpointRegistry} on first use and delegates to its context from then on. Being lazy,
 * it can be injected anywhere, even into the hub itself, without a dependency cycle. Thread-safe.
 *
 * @param <H> the hub class
 */
final class LazyHubContext<H> implements HubContext<H> {

    private final BeanFactory beanFactory;
    private final Class<H> hubClass;
    private volatile HubContext<H> delegate;

    LazyHubContext(BeanFactory beanFactory, Class<H> hubClass) {
        this.beanFactory = beanFactory;
        this.hubClass = hubClass;
    }

    @Override
    public HubClients clients() {
        return delegate().clients();
    }

    @Override
    public GroupManager groups() {
        return delegate().groups();
    }

    private HubContext<H> delegate() {
        HubContext<H> resolved = delegate;
        if (resolved == null) {
            resolved = beanFactory.getBean(HubEndpointRegistry.class).forHubClass(hubClass).endpoint().hubContext();
            delegate = resolved;
        }
        return resolved;
    }

    @Override
    public String toString() {
        return "HubContext<" + hubClass.getSimpleName() + ">";
    }
}
