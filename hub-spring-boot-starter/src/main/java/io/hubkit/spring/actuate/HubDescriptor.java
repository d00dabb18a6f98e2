package io.hubkit.spring.actuate;

import java.util.List;

/**
 * One hub as the {@code hubs} endpoint shows it. Immutable.
 *
 * @param name        the hub's name
 * @param path        its URL path
 * @param transports  the transports it offers, in the order negotiate lists them
 * @param protocols   the hub protocols its clients may choose
 * @param methods     the hub methods clients can call
 * @param connections connections currently running on this server (handshaking ones included)
 * @param groups      groups with a member on this server, or {@code null} when the backplane does not tell
 * @param users       distinct users connected to this server, or {@code null} when the backplane does not tell
 * @param backplane   the backplane and its state
 */
public record HubDescriptor(String name, String path, List<String> transports, List<String> protocols,
                            List<String> methods, int connections, Integer groups, Integer users,
                            BackplaneDescriptor backplane) {

    public HubDescriptor {
        transports = List.copyOf(transports);
        protocols = List.copyOf(protocols);
        methods = List.copyOf(methods);
    }
}
