package io.hubkit.spring.endpoint;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubOptions;
import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.core.connection.UserIdProvider;
import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.observe.HubObserverFactory;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.spring.endpoint.HubBeanScanner.HubBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The application's hubs: finds every {@link io.hubkit.spring.Hub @Hub} bean when created, builds
 * one {@link HubEndpoint} per hub (all sharing the given options, protocols, backplane factory,
 * user-id provider, filters — in the given order — and observer factory), and closes them all on
 * {@link #close()}. Paths and names must be unique (case-insensitively for paths); a clash fails
 * startup.
 *
 * <p>Immutable after construction and thread-safe; {@link #close()} is idempotent.
 */
public class HubEndpointRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubEndpointRegistry.class);

    private final List<HubRegistration> registrations;
    private final Map<String, HubRegistration> byPathKey;
    private final Map<Class<?>, List<HubRegistration>> byClass;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Builds the endpoints of every {@code @Hub} bean of {@code beanFactory}, creating those beans. */
    public HubEndpointRegistry(ConfigurableListableBeanFactory beanFactory, HubOptions options, HubProtocols protocols,
                               BackplaneFactory backplaneFactory, UserIdProvider userIdProvider, List<HubFilter> filters) {
        this(beanFactory, options, protocols, backplaneFactory, userIdProvider, filters, HubObserverFactory.NONE);
    }

    /** As above, each hub watched by the observer {@code observers} creates for it (e.g. metrics). */
    public HubEndpointRegistry(ConfigurableListableBeanFactory beanFactory, HubOptions options, HubProtocols protocols,
                               BackplaneFactory backplaneFactory, UserIdProvider userIdProvider, List<HubFilter> filters,
                               HubObserverFactory observers) {
        List<HubRegistration> built = new ArrayList<>();
        Map<String, HubRegistration> paths = new LinkedHashMap<>();
        Map<String, HubRegistration> names = new HashMap<>();
        Map<Class<?>, List<HubRegistration>> classes = new HashMap<>();
        try {
            for (HubBean bean : HubBeanScanner.scan(beanFactory)) {
                String path = HubPaths.normalize(requirePath(bean));
                Object instance = beanFactory.getBean(bean.beanName());
                String name = bean.annotation().name().isBlank()
                        ? bean.hubClass().getSimpleName() : bean.annotation().name();
                HubRegistration clash = paths.get(HubPaths.key(path));
                if (clash != null) {
                    throw new IllegalStateException("Hubs '" + clash.beanName() + "' and '" + bean.beanName()
                            + "' are both mapped to the path " + path);
                }
                if (names.containsKey(name)) {
                    throw new IllegalStateException("Hubs '" + names.get(name).beanName() + "' and '"
                            + bean.beanName() + "' are both named '" + name + "'");
                }
                HubEndpoint endpoint = HubEndpoint.builder(instance)
                        .hubType(bean.hubClass())
                        .name(name)
                        .options(options)
                        .protocols(protocols)
                        .backplaneFactory(backplaneFactory)
                        .userIdProvider(userIdProvider)
                        .filters(filters)
                        .observers(observers)
                        .build();
                HubRegistration registration = new HubRegistration(bean.beanName(), bean.hubClass(), path, endpoint,
                        EnumSets.of(bean.annotation().transports()));
                built.add(registration);
                paths.put(HubPaths.key(path), registration);
                names.put(name, registration);
                classes.computeIfAbsent(bean.hubClass(), type -> new ArrayList<>()).add(registration);
            }
        } catch (RuntimeException e) {
            built.forEach(HubEndpointRegistry::closeQuietly);
            throw e;
        }
        this.registrations = List.copyOf(built);
        this.byPathKey = Collections.unmodifiableMap(paths);
        classes.replaceAll((type, list) -> List.copyOf(list));
        this.byClass = Map.copyOf(classes);
    }

    /** Every hub, in bean definition order. */
    public List<HubRegistration> registrations() {
        return registrations;
    }

    /** The hub mapped to {@code path}, compared case-insensitively and ignoring trailing slashes. */
    public Optional<HubRegistration> findByPath(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byPathKey.get(HubPaths.key(path)));
    }

    /**
     * The hub whose bean class is {@code hubClass}.
     *
     * @throws IllegalArgumentException when no {@code @Hub} bean has that class (or several have)
     */
    public HubRegistration forHubClass(Class<?> hubClass) {
        List<HubRegistration> matches = byClass.getOrDefault(hubClass, List.of());
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No @Hub bean of type " + hubClass.getName());
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("Several @Hub beans of type " + hubClass.getName()
                    + "; look their endpoints up with HubEndpointRegistry.findByPath instead");
        }
        return matches.get(0);
    }

    /** Closes every hub endpoint: backplanes are released and live connections aborted. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            registrations.forEach(HubEndpointRegistry::closeQuietly);
        }
    }

    private static String requirePath(HubBean bean) {
        String path = bean.annotation().path();
        if (path.isBlank()) {
            throw new IllegalStateException("@Hub bean '" + bean.beanName() + "' (" + bean.hubClass().getName()
                    + ") declares no path; use @Hub(\"/hubs/name\")");
        }
        return path;
    }

    private static void closeQuietly(HubRegistration registration) {
        try {
            registration.endpoint().close();
        } catch (RuntimeException e) {
            log.warn("Closing hub '{}' failed", registration.name(), e);
        }
    }
}
