package dev.tenet.rules.checks.layering;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundThroughPortsCheckTests {
    private static final List<String> RULE = List.of("layering.outbound-through-ports");

    @TempDir
    Path dir;

    @Test
    void aUseCaseHoldingAKafkaTemplateIsReportedOnceAtTheField() {
        assertFindings(dir, RULE, """
                package com.acme.learning.application;

                import org.springframework.kafka.core.KafkaTemplate;

                public class RecordTrainingSession {
                    private final KafkaTemplate<String, String> kafkaTemplate; // VIOLATION: layering.outbound-through-ports

                    public RecordTrainingSession(KafkaTemplate<String, String> kafkaTemplate) {
                        this.kafkaTemplate = kafkaTemplate;
                    }

                    public void record(String userId, long minutes) {
                        kafkaTemplate.send("learning.progress.v1", userId, Long.toString(minutes));
                        kafkaTemplate.send("learning.audit.v1", userId, "recorded");
                    }
                }
                """);
    }

    @Test
    void eachKindOfOutboundSystemIsReportedOncePerClass() {
        assertFindings(dir, RULE, """
                package com.acme.payments.application;

                import jakarta.persistence.EntityManager;
                import jakarta.persistence.PersistenceContext;
                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.web.client.RestTemplate;
                import org.springframework.web.reactive.function.client.WebClient;

                public class CompletePayment {
                    private final RestTemplate partner; // VIOLATION: layering.outbound-through-ports
                    private final WebClient fallbackPartner;
                    @PersistenceContext
                    private EntityManager entityManager; // VIOLATION: layering.outbound-through-ports
                    private final JdbcTemplate jdbc;

                    public CompletePayment(RestTemplate partner, WebClient fallbackPartner, JdbcTemplate jdbc) {
                        this.partner = partner;
                        this.fallbackPartner = fallbackPartner;
                        this.jdbc = jdbc;
                    }
                }
                """);
    }

    @Test
    void aDomainServiceWritingTheDatabaseIsReported() {
        assertFindings(dir, RULE, """
                package com.acme.learning.domain;

                public class TrainingLedger {
                    private final org.springframework.jdbc.core.JdbcTemplate jdbc; // VIOLATION: layering.outbound-through-ports

                    TrainingLedger(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }
                }
                """);
    }

    @Test
    void aClientBuiltInsideAMethodIsReportedAtItsFirstCall() {
        assertFindings(dir, RULE, """
                package com.acme.payments.usecase;

                import java.net.URI;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;

                public class VerifyPayout {
                    public String verify(String payoutId) throws Exception {
                        HttpClient client = HttpClient.newHttpClient();
                        HttpRequest request = HttpRequest.newBuilder(URI.create("https://partner.example/" + payoutId)).build();
                        String first = client.send(request, HttpResponse.BodyHandlers.ofString()).body(); // VIOLATION: layering.outbound-through-ports
                        return first + client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                    }
                }
                """);
    }

    @Test
    void aMethodParameterOfAClientTypeIsReported() {
        assertFindings(dir, RULE, """
                package com.acme.learning.application;

                import org.springframework.data.redis.core.StringRedisTemplate;

                public class CacheWarmer {
                    public void warm(String userId, StringRedisTemplate redis) { // VIOLATION: layering.outbound-through-ports
                        redis.opsForValue().set("warm:" + userId, "1", java.time.Duration.ofMinutes(5));
                    }
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void anAdapterHoldingTheClientIsSilent() {
            assertFindings(dir, RULE, """
                    package com.acme.learning.adapter.kafka;

                    import org.springframework.kafka.core.KafkaTemplate;

                    public class KafkaProgressPublisher {
                        private final KafkaTemplate<String, String> kafkaTemplate;

                        public KafkaProgressPublisher(KafkaTemplate<String, String> kafkaTemplate) {
                            this.kafkaTemplate = kafkaTemplate;
                        }

                        public void publish(String userId, long minutes) {
                            kafkaTemplate.send("learning.progress.v1", userId, Long.toString(minutes));
                        }
                    }
                    """);
        }

        @Test
        void repositoriesPortsAndAnOwnTypeNamedLikeAClientAreSilent() {
            assertFindings(dir, RULE, """
                    // file: HttpClient.java
                    package com.acme.learning.application.port;

                    public interface HttpClient {
                        String get(String path);
                    }
                    // file: TrainingTotals.java
                    package com.acme.learning.application.port;

                    import org.springframework.data.jpa.repository.JpaRepository;

                    public interface TrainingTotals extends JpaRepository<TrainingTotal, String> {
                    }
                    // file: AccumulateTrainingTime.java
                    package com.acme.learning.application;

                    import com.acme.learning.application.port.HttpClient;
                    import com.acme.learning.application.port.TrainingTotals;

                    public class AccumulateTrainingTime {
                        private final HttpClient partner;
                        private final TrainingTotals totals;

                        AccumulateTrainingTime(HttpClient partner, TrainingTotals totals) {
                            this.partner = partner;
                            this.totals = totals;
                        }

                        void accumulate(TrainingTotal total) {
                            totals.save(total);
                            partner.get("/ping");
                        }
                    }
                    """);
        }

        @Test
        void wiringCodeInTheApplicationPackageIsSilent() {
            assertFindings(dir, RULE, """
                    package com.acme.learning.application.config;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    public class UseCaseConfig {
                        private RestTemplate shared;

                        @Bean
                        PartnerTimes partnerTimes(RestTemplate restTemplate) {
                            return new PartnerTimes(restTemplate);
                        }
                    }
                    """);
        }

        @Test
        void anAdapterTypeUsedByAUseCaseIsLeftToApplicationNoAdapter() {
            assertFindings(dir, RULE, """
                    // file: PartnerRestClient.java
                    package com.acme.learning.adapter.partner;

                    import org.springframework.web.client.RestTemplate;

                    public class PartnerRestClient {
                        private final RestTemplate restTemplate = new RestTemplate();

                        public Long minutesOf(String userId) {
                            return restTemplate.getForObject("/minutes/{id}", Long.class, userId);
                        }
                    }
                    // file: AccumulateTrainingTime.java
                    package com.acme.learning.application;

                    import com.acme.learning.adapter.partner.PartnerRestClient;

                    public class AccumulateTrainingTime {
                        private final PartnerRestClient partner = new PartnerRestClient();

                        Long total(String userId) {
                            return partner.minutesOf(userId);
                        }
                    }
                    """);
        }
    }
}
