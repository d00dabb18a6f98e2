package io.hubkit.core.backplane;

/**
 * Creates the {@link Backplane} of each hub. One factory per application holds what the hubs
 * share (a Redis client, service connections); {@link #create} is called once per hub at startup.
 */
@FunctionalInterface
public interface BackplaneFactory {

    Backplane create(BackplaneHubContext hub);
}
