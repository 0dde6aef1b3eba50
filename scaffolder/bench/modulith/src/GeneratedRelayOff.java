package @BASE@.adapter.out.modulith;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Removes the beans of the generated outbox that the Modulith variant replaces: the outbox port's JDBC adapter and the
 * relay, its schedule and the metrics that read the outbox table. apply.sh lists them in
 * {@code modulith.replaced-beans} (the classes of the port adapter's package that no other code uses), so nothing here
 * names the outbox's internals.
 */
@Component
public class GeneratedRelayOff implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {
    private Set<String> replaced = Set.of();

    @Override
    public void setEnvironment(Environment environment) {
        replaced = Arrays.stream(environment.getProperty("modulith.replaced-beans", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : registry.getBeanDefinitionNames()) {
            if (replaced.contains(registry.getBeanDefinition(name).getBeanClassName())) {
                registry.removeBeanDefinition(name);
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }
}
