package com.example.learning.config;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The database settings have no defaults outside the local profile: a deployment that lacks one stops at start
 * and names the variable to set, before any connection is tried (Spring Boot would otherwise bind the unresolved
 * {@code ${DB_URL}} as the URL and fail further on with a message that does not say why).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseSettings {
    private static final List<String> REQUIRED = List.of("url", "username", "password");

    @Bean
    static BeanFactoryPostProcessor requireDatabaseSettings(Environment environment) {
        return beanFactory -> {
            for (String setting : REQUIRED) {
                String property = "spring.datasource." + setting;
                try {
                    environment.getProperty(property);
                } catch (IllegalArgumentException unresolved) {
                    throw new IllegalStateException(property + " is not configured: " + unresolved.getMessage()
                            + ". Set DB_URL, DB_USER and DB_PASSWORD, or run with the local profile for a database on this machine.",
                            unresolved);
                }
            }
        };
    }
}
