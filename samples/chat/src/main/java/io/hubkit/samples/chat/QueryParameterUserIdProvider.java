package io.hubkit.samples.chat;

import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.connection.UserIdProvider;
import io.hubkit.samples.chat.input.ChatInput;
import java.security.Principal;
import org.springframework.stereotype.Component;

/**
 * The user id of a chat connection is the name the page sends as the {@code user} query parameter
 * ({@code /hubs/chat?user=alice}), if it is a valid name; otherwise there is none and the hub
 * refuses the connection. Being a bean, it replaces the starter's default provider.
 *
 * <p>This is a demo convenience, not authentication: anyone can claim any name. A real application
 * authenticates with Spring Security and keeps the default provider, which takes the principal's name.
 */
@Component
public class QueryParameterUserIdProvider implements UserIdProvider {

    /** The query parameter carrying the user name. */
    public static final String PARAMETER = "user";

    private final ChatInput input;

    public QueryParameterUserIdProvider(ChatInput input) {
        this.input = input;
    }

    @Override
    public String userId(Principal principal, ConnectionInfo request) {
        return input.userNameOrNull(request.queryParam(PARAMETER));
    }
}
