package io.hubkit.spring.metrics;

import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.hubkit.spring.endpoint.HubRegistration;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Finds the name of the hub a hub bean serves, for filters, which see the bean but not its hub.
 * Built on first use from the {@link HubEndpointRegistry} (which itself needs the filters, hence
 * the lazy lookup); a bean that serves no hub is named by its class. Thread-safe.
 */
final class HubNames {

    private final ObjectProvider<HubEndpointRegistry> registry;
    private final BeanFactory beanFactory;
    private volatile Map<Object, String> byBean;

    HubNames(ObjectProvider<HubEndpointRegistry> registry, BeanFactory beanFactory) {
        this.registry = registry;
        this.beanFactory = beanFactory;
    }

    String nameOf(Object hubBean) {
        Map<Object, String> names = byBean;
        if (names == null) {
            names = load();
            byBean = names;
        }
        String name = names.get(hubBean);
        return name != null ? name : hubBean.getClass().getSimpleName();
    }

    private Map<Object, String> load() {
        Map<Object, String> names = new IdentityHashMap<>();
        HubEndpointRegistry hubs = registry.getIfAvailable();
        if (hubs != null) {
            for (HubRegistration registration : hubs.registrations()) {
                names.put(beanFactory.getBean(registration.beanName()), registration.name());
            }
        }
        return names;
    }
}
