package com.example.learning;

import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Runs the service locally with no Docker: an embedded KRaft broker and the local MariaDB/MySQL
 * (database {@code learning_progress}, created if missing). Start it with {@code ./mvnw spring-boot:test-run}.
 */
public final class TestLearningProgressApplication {
    private TestLearningProgressApplication() {
    }

    public static void main(String[] args) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.afterPropertiesSet();
        System.setProperty("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        if (System.getenv("DB_URL") == null) {
            System.setProperty("spring.datasource.url", TestDatabase.ensure("learning_progress"));
            System.setProperty("spring.datasource.username", TestDatabase.user());
            System.setProperty("spring.datasource.password", TestDatabase.password());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        SpringApplication.from(LearningProgressApplication::main).run(args);
    }
}
