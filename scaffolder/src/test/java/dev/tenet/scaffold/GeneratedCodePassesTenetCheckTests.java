package dev.tenet.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.checks.BuiltinChecks;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.engine.Engine;
import dev.tenet.rules.finding.Finding;
import dev.tenet.scaffold.spec.PipelineSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code tenet new} generates passes {@code tenet check} with zero findings, with and without the optional features. */
class GeneratedCodePassesTenetCheckTests {

    @Test
    void theSampleServiceHasNoFindings(@TempDir Path temp) throws Exception {
        Path service = temp.resolve("svc");
        new Scaffolder().generate(SampleRegenerationTests.sampleSpec(), service);
        assertThat(findings(service)).isEmpty();
    }

    @Test
    void aPostgresServiceWithRedisCacheAndPartnerHasNoFindings(@TempDir Path temp) throws Exception {
        Path service = temp.resolve("svc");
        PipelineSpec spec = Specs.fullFeatured();
        new Scaffolder().generate(spec, service);
        assertThat(findings(service)).isEmpty();
    }

    @Test
    void theCheckIsNotVacuousAListenerWithoutDedupIsFound(@TempDir Path temp) throws Exception {
        Path service = temp.resolve("svc");
        new Scaffolder().generate(SampleRegenerationTests.sampleSpec(), service);
        Path bad = service.resolve("src/main/java/com/example/learning/adapter/in/kafka/RawListener.java");
        java.nio.file.Files.writeString(bad, """
                package com.example.learning.adapter.in.kafka;

                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.kafka.annotation.KafkaListener;

                class RawListener {
                    private final JdbcTemplate jdbc;

                    RawListener(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }

                    @KafkaListener(topics = "raw")
                    void on(String value) {
                        jdbc.update("UPDATE training_progress SET training_minutes = training_minutes + 1");
                    }
                }
                """);
        assertThat(findings(service)).anyMatch(f -> f.contains("listener-not-idempotent"));
    }

    static List<String> findings(Path service) {
        List<Finding> findings = new Engine(RuleCatalog.forRepository(service), BuiltinChecks.all())
                .check(service, ConfigLoader.load(service), ScanCache.none(), Engine.Progress.NONE).findings();
        return findings.stream().map(Finding::toString).toList();
    }
}
