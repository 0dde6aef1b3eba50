package dev.tenet.service;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The Spring Boot application of {@code tenet serve}; its parts are the {@code @Configuration} classes of this package tree. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(Configuration.class))
public class ServiceApplication {
}
