package dev.tenet.rules.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.testing.Codebase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's declared wrappers are validated like the rest of the config: every mistake names the file and line. */
class DeclaredEffectsTests {
    private static final String SERVICE = """
            // file: src/main/java/com/acme/events/EventPublisher.java
            package com.acme.events;

            public interface EventPublisher {
                void publish(String topic, String payload);
            }
            """;

    @TempDir
    Path dir;

    @Test
    void anUnknownEffectIsAnErrorAtItsLine() {
        Codebase codebase = new Codebase(dir).add(SERVICE).file(".tenet/config.yml", """
                effects:
                  "com.acme.events.EventPublisher#publish": kafka-publish
                """);
        assertThatThrownBy(codebase::check).isInstanceOf(TenetInputException.class)
                .hasMessageContaining(".tenet/config.yml").hasMessageContaining("2")
                .hasMessageContaining("unknown effect 'kafka-publish'").hasMessageContaining("kafka-send");
    }

    @Test
    void aKeyThatIsNoMethodIsAnError() {
        Codebase codebase = new Codebase(dir).add(SERVICE).file(".tenet/config.yml", """
                effects:
                  EventPublisher.publish: kafka-send
                """);
        assertThatThrownBy(codebase::check).isInstanceOf(TenetInputException.class)
                .hasMessageContaining("'EventPublisher.publish' is not a method").hasMessageContaining("Type#method");
    }

    @Test
    void aTypeNobodyDeclaresOrImportsIsATypo() {
        Codebase codebase = new Codebase(dir).add(SERVICE).file(".tenet/config.yml", """
                rules: {}
                effects:
                  "com.acme.event.EventPublisher#publish": kafka-send
                """);
        assertThatThrownBy(codebase::check).isInstanceOf(TenetInputException.class)
                .hasMessageContaining(".tenet/config.yml").hasMessageContaining("3")
                .hasMessageContaining("com.acme.event.EventPublisher' is neither declared in this codebase nor imported");
    }

    @Test
    void aMethodTheTypeDoesNotHaveIsAnError() {
        Codebase codebase = new Codebase(dir).add(SERVICE).file(".tenet/config.yml", """
                effects:
                  "com.acme.events.EventPublisher#send": kafka-send
                """);
        assertThatThrownBy(codebase::check).isInstanceOf(TenetInputException.class)
                .hasMessageContaining("com.acme.events.EventPublisher has no method 'send'");
    }

    @Test
    void optingOutOfEmptyMatchErrorsStillValidatesDeclaredEffects() {
        Codebase codebase = new Codebase(dir).add(SERVICE).file(".tenet/config.yml", """
                allowEmptyLayers: true
                allowEmptyExcludes: true
                effects:
                  "com.acme.event.EventPublisher#publish": kafka-send
                """);
        assertThatThrownBy(codebase::check).isInstanceOf(TenetInputException.class)
                .hasMessageContaining("com.acme.event.EventPublisher' is neither declared in this codebase nor imported");
    }
}
