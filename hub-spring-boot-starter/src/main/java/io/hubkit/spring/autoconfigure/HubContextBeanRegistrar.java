package io.hubkit.spring.autoconfigure;

import io.hubkit.core.context.HubContext;
import io.hubkit.spring.endpoint.HubBeanScanner;
import io.hubkit.spring.endpoint.HubBeanScanner.HubBean;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

/**
 * Registers one {@code HubContext<H>} bean per {@link io.hubkit.spring.Hub @Hub} bean class
 * {@code H}, typed with its generic so that {@code @Autowired HubContext<ChatHub>} resolves. Runs
 * while bean definitions are post-processed (no bean is created); each context resolves its hub
 * lazily ({@link LazyHubContext}). Skips a class whose context bean the application already defined
 * under the same name.
 */
final class HubContextBeanRegistrar implements BeanDefinitionRegistryPostProcessor {

    /** The bean name of the context of {@code hubClass}: {@code hubContext#} plus the class name. */
    static String beanName(Class<?> hubClass) {
        return "hubContext#" + hubClass.getName();
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
            return;
        }
        Set<Class<?>> seen = new HashSet<>();
        for (HubBean hub : HubBeanScanner.scan(beanFactory)) {
            Class<?> hubClass = hub.hubClass();
            String name = beanName(hubClass);
            if (!seen.add(hubClass) || registry.containsBeanDefinition(name)) {
                continue;
            }
            registry.registerBeanDefinition(name, definition(beanFactory, hubClass));
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
    }

    private static <H> RootBeanDefinition definition(ConfigurableListableBeanFactory beanFactory, Class<H> hubClass) {
        RootBeanDefinition definition = new RootBeanDefinition(HubContext.class);
        definition.setTargetType(ResolvableType.forClassWithGenerics(HubContext.class, hubClass));
        definition.setInstanceSupplier(() -> new LazyHubContext<>(beanFactory, hubClass));
        return definition;
    }
}
