package io.hubkit.benchmarks.apps.stomp;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

/**
 * The STOMP equivalents of the benchmark hub's methods. A group is a topic
 * ({@code /topic/group.<name>}); joining it is a plain SUBSCRIBE handled by the broker.
 * <ul>
 *   <li>{@code SEND /app/echo} answers on the sender's {@code /user/queue/echo}.</li>
 *   <li>{@code SEND /app/broadcast} goes to every subscriber of {@code /topic/broadcast}.</li>
 *   <li>{@code SEND /app/group/<name>} goes to every subscriber of {@code /topic/group.<name>}.</li>
 * </ul>
 */
@Controller
class StompBenchmarkController {

    private final SimpMessagingTemplate template;

    StompBenchmarkController(SimpMessagingTemplate template) {
        this.template = template;
    }

    @MessageMapping("/echo")
    @SendToUser(destinations = "/queue/echo", broadcast = false)
    String echo(String payload) {
        return payload;
    }

    @MessageMapping("/broadcast")
    @SendTo("/topic/broadcast")
    String broadcast(String payload) {
        return payload;
    }

    @MessageMapping("/group/{group}")
    void sendToGroup(@DestinationVariable String group, String payload) {
        template.convertAndSend("/topic/group." + group, payload);
    }
}
