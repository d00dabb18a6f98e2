package io.hubkit.spring.endpoint;

import io.hubkit.spring.connection.ConnectionEndpoint;
import io.hubkit.spring.connection.ConnectionHandler;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * The application's raw connection endpoints: every bean annotated
 * {@link ConnectionEndpoint @ConnectionEndpoint}, found when created. Each must implement
 * {@link ConnectionHandler} and declare a path; otherwise startup fails. Uniqueness of paths and
 * names across hubs and raw endpoints is checked where both are served. Immutable and thread-safe.
 */
public class ConnectionEndpointRegistry {

    private final List<RawEndpointRegistration> registrations;

    /** Finds and creates every {@code @ConnectionEndpoint} bean of {@code beanFactory}. */
    public ConnectionEndpointRegistry(ConfigurableListableBeanFactory beanFactory) {
        List<RawEndpointRegistration> found = new ArrayList<>();
        for (String beanName : beanFactory.getBeanDefinitionNames()) {
            if (beanFactory.getBeanDefinition(beanName).isAbstract()) {
                continue;
            }
            Class<?> type;
            try {
                type = beanFactory.getType(beanName, false);
            } catch (RuntimeException unresolvable) {
                continue;
            }
            if (type == null) {
                continue;
            }
            Class<?> userClass = ClassUtils.getUserClass(type);
            ConnectionEndpoint annotation = AnnotatedElementUtils.findMergedAnnotation(userClass, ConnectionEndpoint.class);
            if (annotation == null) {
                continue;
            }
            if (annotation.path().isBlank()) {
                throw new IllegalStateException("@ConnectionEndpoint bean '" + beanName + "' (" + userClass.getName()
                        + ") declares no path; use @ConnectionEndpoint(\"/path\")");
            }
            Object bean = beanFactory.getBean(beanName);
            if (!(bean instanceof ConnectionHandler handler)) {
                throw new IllegalStateException("@ConnectionEndpoint bean '" + beanName + "' (" + userClass.getName()
                        + ") does not implement " + ConnectionHandler.class.getName());
            }
            String name = annotation.name().isBlank() ? userClass.getSimpleName() : annotation.name();
            found.add(new RawEndpointRegistration(beanName, userClass, name, HubPaths.normalize(annotation.path()),
                    EnumSets.of(annotation.transports()), handler));
        }
        this.registrations = List.copyOf(found);
    }

    /** Every raw endpoint, in bean definition order. */
    public List<RawEndpointRegistration> registrations() {
        return registrations;
    }
}
