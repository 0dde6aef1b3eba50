package dev.tenet.scaffold.generate;

import dev.tenet.scaffold.spec.CacheSpec;
import dev.tenet.scaffold.spec.Database;
import dev.tenet.scaffold.spec.IdempotencyStore;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.Relay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The generated pom's dependencies: versions from the Spring Boot BOM unless stated; optional features add theirs. */
final class Dependencies {
    private Dependencies() {
    }

    static List<Map<String, String>> of(PipelineSpec spec) {
        List<Map<String, String>> deps = new ArrayList<>();
        boot(deps, "spring-boot-starter-kafka");
        boot(deps, "spring-boot-starter-jdbc");
        boot(deps, "spring-boot-starter-flyway");
        boot(deps, "spring-boot-starter-jackson");
        boot(deps, "spring-boot-starter-webmvc");
        boot(deps, "spring-boot-starter-actuator");
        dep(deps, "io.micrometer", "micrometer-registry-prometheus", null, null);
        // Tracing through the OpenTelemetry SDK, exported over OTLP when an endpoint is set; not the OpenTelemetry
        // starter, which also pushes metrics and logs over OTLP while this service's metrics are scraped by Prometheus.
        boot(deps, "spring-boot-micrometer-tracing-opentelemetry");
        dep(deps, "io.micrometer", "micrometer-tracing-bridge-otel", null, null);
        dep(deps, "io.opentelemetry", "opentelemetry-exporter-otlp", null, null);
        if (spec.database() == Database.MYSQL) {
            dep(deps, "org.flywaydb", "flyway-mysql", null, null);
            dep(deps, "org.mariadb.jdbc", "mariadb-java-client", null, "runtime");
        } else {
            dep(deps, "org.flywaydb", "flyway-database-postgresql", null, null);
            dep(deps, "org.postgresql", "postgresql", null, "runtime");
        }
        if (spec.idempotency() == IdempotencyStore.REDIS || spec.cache().isPresent()) {
            boot(deps, "spring-boot-starter-data-redis");
        }
        if (spec.cache().filter(CacheSpec::tiered).isPresent()) {
            dep(deps, "com.github.ben-manes.caffeine", "caffeine", null, null);
        }
        if (spec.partner().isPresent()) {
            boot(deps, "spring-boot-starter-restclient");
            dep(deps, "io.github.resilience4j", "resilience4j-circuitbreaker", "${resilience4j.version}", null);
            dep(deps, "io.github.resilience4j", "resilience4j-micrometer", "${resilience4j.version}", null);
        }
        if (spec.relay() == Relay.DEBEZIUM) {
            // On PostgreSQL the versions come from the Debezium BOM the pom imports; on MySQL/MariaDB from a property.
            String version = spec.database() == Database.MYSQL ? "${debezium.version}" : null;
            dep(deps, "io.debezium", "debezium-api", version, null);
            dep(deps, "io.debezium", "debezium-embedded", version, null);
            if (spec.database() == Database.MYSQL) {
                // Both binlog connectors: the relay picks the one that matches the server it finds (MySQL 8 or MariaDB).
                dep(deps, "io.debezium", "debezium-connector-mysql", version, null);
                dep(deps, "io.debezium", "debezium-connector-mariadb", version, null);
            } else {
                dep(deps, "io.debezium", "debezium-connector-postgres", null, null);
            }
        }
        dep(deps, "org.springframework.boot", "spring-boot-starter-test", null, "test");
        dep(deps, "org.springframework.boot", "spring-boot-starter-kafka-test", null, "test");
        return deps;
    }

    private static void boot(List<Map<String, String>> deps, String artifact) {
        dep(deps, "org.springframework.boot", artifact, null, null);
    }

    private static void dep(List<Map<String, String>> deps, String group, String artifact, String version, String scope) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("groupId", group);
        d.put("artifactId", artifact);
        if (version != null) {
            d.put("version", version);
        }
        if (scope != null) {
            d.put("scope", scope);
        }
        deps.add(d);
    }
}
