package com.example.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The service refuses to start without its database settings and names the one missing, instead of trying a default
 * account; and says in one line when the database it is given cannot be reached.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisabledIfEnvironmentVariable(named = "DB_URL", matches = ".*", disabledReason = "DB_URL is set here")
class StartupConfigurationTests {

    @Test
    void withoutDbUrlTheServiceStopsNamingIt() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LearningProgressApplication.class).web(WebApplicationType.NONE)
                .properties("spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.listener.auto-startup=false").run().close())
                .hasMessageContaining("spring.datasource.url is not configured").hasMessageContaining("DB_URL");
    }

    @Test
    void anUnreachableDatabaseIsToldInOneLine(CapturedOutput output) {
        // Command-line arguments: they outrank application.yml, as a deployment's settings do.
        assertThatThrownBy(() -> new SpringApplicationBuilder(LearningProgressApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/none", "--spring.datasource.username=nobody",
                        "--spring.datasource.password=none", "--spring.kafka.bootstrap-servers=127.0.0.1:9",
                        "--spring.kafka.listener.auto-startup=false").close());

        assertThat(output.getOut() + output.getErr()).contains("The database cannot be reached: ")
                .contains("Check that the database is up and that DB_URL, DB_USER and DB_PASSWORD point at it.");
    }
}
