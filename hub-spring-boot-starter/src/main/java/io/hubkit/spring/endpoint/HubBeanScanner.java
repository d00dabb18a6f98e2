package io.hubkit.spring.endpoint;

import io.hubkit.spring.Hub;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link Hub @Hub} beans among a bean factory's definitions by their declared type,
 * without creating any bean (safe to call while bean definitions are still being post-processed).
 * Stateless.
 */
public final class HubBeanScanner {

    /** A hub bean found in the bean factory: its name, its user class, and its merged {@code @Hub}. */
    public record HubBean(String beanName, Class<?> hubClass, Hub annotation) {
    }

    private HubBeanScanner() {
    }

    /** Every bean definition of {@code beanFactory} whose (user) class is annotated {@code @Hub}, in definition order. */
    public static List<HubBean> scan(ConfigurableListableBeanFactory beanFactory) {
        List<HubBean> hubs = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            if (beanFactory.getBeanDefinition(name).isAbstract()) {
                continue;
            }
            Class<?> type;
            try {
                type = beanFactory.getType(name, false);
            } catch (RuntimeException unresolvable) {
                continue;
            }
            if (type == null) {
                continue;
            }
            Class<?> userClass = ClassUtils.getUserClass(type);
            Hub annotation = AnnotatedElementUtils.findMergedAnnotation(userClass, Hub.class);
            if (annotation != null) {
                hubs.add(new HubBean(name, userClass, annotation));
            }
        }
        return hubs;
    }
}
