package com.example.learning;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The service refuses to start without its database settings and names the one missing, instead of trying a default account. */
@DisabledIfEnvironmentVariable(named = "DB_URL", matches = ".*", disabledReason = "DB_URL is set here")
class StartupConfigurationTests {

    @Test
    void withoutDbUrlTheServiceStopsNamingIt() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LearningProgressApplication.class).web(WebApplicationType.NONE)
                .properties("spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.listener.auto-startup=false").run().close())
                .hasMessageContaining("spring.datasource.url is not configured").hasMessageContaining("DB_URL");
    }
}
