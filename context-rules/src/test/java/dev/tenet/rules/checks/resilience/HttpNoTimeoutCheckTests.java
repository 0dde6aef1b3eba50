package dev.tenet.rules.checks.resilience;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpNoTimeoutCheckTests {
    private static final List<String> RULE = List.of("resilience.http-no-timeout");
    private static final String INJECTED_CLIENT = """
            // file: PartnerPayouts.java
            package com.acme.payments.adapter.partner;

            import org.springframework.stereotype.Component;
            import org.springframework.web.client.RestTemplate;

            @Component
            public class PartnerPayouts {
                private final RestTemplate restTemplate;

                public PartnerPayouts(RestTemplate restTemplate) {
                    this.restTemplate = restTemplate;
                }

                public String status(String payoutId) {
                    return restTemplate.getForObject("/payouts/{id}", String.class, payoutId);%s
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aRestTemplateBuiltWithoutTimeoutsInTheCallingClassIsReportedAtEachCall() {
        assertFindings(dir, RULE, """
                package com.acme.learning.adapter.partner;

                import org.springframework.web.client.RestTemplate;

                public class PartnerTrainingTime {
                    private final RestTemplate restTemplate = new RestTemplate();

                    public Long minutesOf(String userId) {
                        return restTemplate.getForObject("/users/{id}/minutes", Long.class, userId); // VIOLATION: resilience.http-no-timeout
                    }

                    public void reset(String userId) {
                        restTemplate.delete("/users/{id}/minutes", userId); // VIOLATION: resilience.http-no-timeout
                    }
                }
                """);
    }

    @Test
    void clientsBuiltInAConstructorOrFromAStaticFactoryWithoutTimeoutsAreReported() {
        assertFindings(dir, RULE, """
                // file: PartnerProfiles.java
                package com.acme.learning.adapter.partner;

                import org.springframework.web.client.RestClient;
                import org.springframework.web.client.RestTemplate;

                public class PartnerProfiles {
                    private final RestTemplate restTemplate;

                    public PartnerProfiles() {
                        this.restTemplate = new RestTemplate();
                    }

                    public String profile(String userId) {
                        return restTemplate.getForObject("/profiles/{id}", String.class, userId); // VIOLATION: resilience.http-no-timeout
                    }

                    public String plan(String userId) {
                        return RestClient.create("https://partner.example").get().uri("/plans/{id}", userId) // VIOLATION: resilience.http-no-timeout
                                .retrieve().body(String.class);
                    }
                }
                """);
    }

    @Test
    void anInjectedClientWhoseOnlyBeanSetsNoTimeoutsIsReported() {
        assertFindings(dir, RULE, """
                // file: HttpConfig.java
                package com.acme.payments.config;

                import org.springframework.boot.web.client.RestTemplateBuilder;
                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Configuration;
                import org.springframework.web.client.RestTemplate;

                @Configuration
                public class HttpConfig {
                    @Bean
                    RestTemplate restTemplate(RestTemplateBuilder builder) {
                        return builder.rootUri("https://partner.example").build();
                    }
                }
                """, INJECTED_CLIENT.formatted(" // VIOLATION: resilience.http-no-timeout"));
    }

    @Test
    void springBootsBuilderUsedWithoutTimeoutsInTheCallingClassIsReported() {
        assertFindings(dir, RULE, """
                package com.acme.payments.adapter.partner;

                import org.springframework.boot.web.client.RestTemplateBuilder;
                import org.springframework.web.client.RestTemplate;

                public class PartnerRefunds {
                    private final RestTemplate restTemplate;

                    public PartnerRefunds(RestTemplateBuilder builder) {
                        this.restTemplate = builder.rootUri("https://partner.example").build();
                    }

                    public void refund(String paymentId) {
                        restTemplate.postForObject("/refunds", paymentId, Void.class); // VIOLATION: resilience.http-no-timeout
                    }
                }
                """);
    }

    @Test
    void jdkAndReactiveClientsWithoutTimeoutsAreReported() {
        assertFindings(dir, RULE, """
                package com.acme.payments.adapter.partner;

                import java.net.URI;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;
                import org.springframework.web.reactive.function.client.WebClient;

                public class PartnerStatus {
                    private final HttpClient http = HttpClient.newHttpClient();
                    private final WebClient web = WebClient.create("https://partner.example");

                    public String status(String id) throws Exception {
                        HttpRequest request = HttpRequest.newBuilder(URI.create("https://partner.example/" + id)).build();
                        return http.send(request, HttpResponse.BodyHandlers.ofString()).body(); // VIOLATION: resilience.http-no-timeout
                    }

                    public String mirror(String id) {
                        return web.get().uri("/status/{id}", id).retrieve().bodyToMono(String.class).block(); // VIOLATION: resilience.http-no-timeout
                    }
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void timeoutsConfiguredInABeanInAnotherFileCoverTheInjectedClient() {
            assertFindings(dir, RULE, """
                    // file: HttpConfig.java
                    package com.acme.payments.config;

                    import java.time.Duration;
                    import org.springframework.boot.web.client.RestTemplateBuilder;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    public class HttpConfig {
                        @Bean
                        RestTemplate restTemplate(RestTemplateBuilder builder) {
                            return builder.connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(3)).build();
                        }
                    }
                    """, INJECTED_CLIENT.formatted(""));
        }

        @Test
        void aRequestFactoryWithTimeoutsPassedToTheClientCounts() {
            assertFindings(dir, RULE, """
                    // file: HttpConfig.java
                    package com.acme.payments.config;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.http.client.SimpleClientHttpRequestFactory;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    public class HttpConfig {
                        @Bean
                        RestTemplate restTemplate() {
                            return new RestTemplate(requestFactory());
                        }

                        private SimpleClientHttpRequestFactory requestFactory() {
                            SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
                            factory.setConnectTimeout(1000);
                            factory.setReadTimeout(3000);
                            return factory;
                        }
                    }
                    """, INJECTED_CLIENT.formatted(""));
        }

        @Test
        void anInjectedClientTheCodebaseNeverBuildsIsLeftAlone() {
            assertFindings(dir, RULE, INJECTED_CLIENT.formatted(""));
        }

        @Test
        void springBootsBuilderCountsWhenPropertiesOrACustomizerSetTimeouts() {
            String client = """
                    // file: PartnerRefunds.java
                    package com.acme.payments.adapter.partner;

                    import org.springframework.boot.web.client.RestTemplateBuilder;
                    import org.springframework.web.client.RestTemplate;

                    public class PartnerRefunds {
                        private final RestTemplate restTemplate;

                        public PartnerRefunds(RestTemplateBuilder builder) {
                            this.restTemplate = builder.build();
                        }

                        public void refund(String paymentId) {
                            restTemplate.postForObject("/refunds", paymentId, Void.class);
                        }
                    }
                    """;
            assertFindings(dir.resolve("properties"), RULE, client, """
                    // file: src/main/resources/application.yml
                    spring:
                      http:
                        client:
                          read-timeout: 3s
                    """);
            assertFindings(dir.resolve("customizer"), RULE, client, """
                    // file: HttpConfig.java
                    package com.acme.payments.config;

                    import java.time.Duration;
                    import org.springframework.boot.web.client.RestTemplateCustomizer;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.http.client.SimpleClientHttpRequestFactory;

                    @Configuration
                    public class HttpConfig {
                        @Bean
                        RestTemplateCustomizer timeouts() {
                            return restTemplate -> {
                                SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
                                factory.setReadTimeout(Duration.ofSeconds(3));
                                restTemplate.setRequestFactory(factory);
                            };
                        }
                    }
                    """);
        }

        @Test
        void aCircuitBreakerOnTheMethodTheClassOrACallerGuardsTheCall() {
            assertFindings(dir, RULE, """
                    // file: PartnerTrainingTime.java
                    package com.acme.learning.adapter.partner;

                    import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
                    import org.springframework.web.client.RestTemplate;

                    public class PartnerTrainingTime {
                        private final RestTemplate restTemplate = new RestTemplate();

                        @CircuitBreaker(name = "partner")
                        public Long minutesOf(String userId) {
                            return restTemplate.getForObject("/users/{id}/minutes", Long.class, userId);
                        }

                        public Long sessionsOf(String userId) {
                            return restTemplate.getForObject("/users/{id}/sessions", Long.class, userId);
                        }
                    }
                    // file: PartnerPlans.java
                    package com.acme.learning.adapter.partner;

                    import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
                    import org.springframework.web.client.RestTemplate;

                    @CircuitBreaker(name = "plans")
                    public class PartnerPlans {
                        private final RestTemplate restTemplate = new RestTemplate();

                        public String planOf(String userId) {
                            return restTemplate.getForObject("/plans/{id}", String.class, userId);
                        }
                    }
                    // file: TrainingGateway.java
                    package com.acme.learning.adapter.partner;

                    import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

                    public class TrainingGateway {
                        private final PartnerTrainingTime partner = new PartnerTrainingTime();

                        @CircuitBreaker(name = "sessions")
                        public Long sessions(String userId) {
                            return partner.sessionsOf(userId);
                        }
                    }
                    """);
        }

        @Test
        void aCircuitBreakerDecoratorInTheMethodGuardsTheCall() {
            assertFindings(dir, RULE, """
                    package com.acme.learning.adapter.partner;

                    import io.github.resilience4j.circuitbreaker.CircuitBreaker;
                    import org.springframework.web.client.RestTemplate;

                    public class PartnerTrainingTime {
                        private final RestTemplate restTemplate = new RestTemplate();
                        private final CircuitBreaker circuitBreaker;

                        PartnerTrainingTime(CircuitBreaker circuitBreaker) {
                            this.circuitBreaker = circuitBreaker;
                        }

                        public Long minutesOf(String userId) {
                            return circuitBreaker.executeSupplier(
                                    () -> restTemplate.getForObject("/users/{id}/minutes", Long.class, userId));
                        }
                    }
                    """);
        }

        @Test
        void timeoutsOnTheJdkClientTheRequestOrTheReactiveChainCount() {
            assertFindings(dir, RULE, """
                    // file: PartnerStatus.java
                    package com.acme.payments.adapter.partner;

                    import java.net.URI;
                    import java.net.http.HttpClient;
                    import java.net.http.HttpRequest;
                    import java.net.http.HttpResponse;
                    import java.time.Duration;
                    import org.springframework.web.reactive.function.client.WebClient;

                    public class PartnerStatus {
                        private final HttpClient http = HttpClient.newHttpClient();
                        private final HttpClient bounded = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
                        private final WebClient web = WebClient.create("https://partner.example");

                        public String status(String id) throws Exception {
                            HttpRequest request = HttpRequest.newBuilder(URI.create("https://partner.example/" + id))
                                    .timeout(Duration.ofSeconds(3)).build();
                            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                        }

                        public String health() throws Exception {
                            HttpRequest request = HttpRequest.newBuilder(URI.create("https://partner.example/health")).build();
                            return bounded.send(request, HttpResponse.BodyHandlers.ofString()).body();
                        }

                        public String mirror(String id) {
                            return web.get().uri("/status/{id}", id).retrieve().bodyToMono(String.class)
                                    .timeout(Duration.ofSeconds(2)).block();
                        }
                    }
                    // file: WebClientConfig.java
                    package com.acme.payments.config;

                    import java.time.Duration;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.http.client.reactive.ReactorClientHttpConnector;
                    import org.springframework.web.reactive.function.client.WebClient;
                    import reactor.netty.http.client.HttpClient;

                    @Configuration
                    public class WebClientConfig {
                        @Bean
                        WebClient partnerWebClient(WebClient.Builder builder) {
                            HttpClient netty = HttpClient.create().responseTimeout(Duration.ofSeconds(3));
                            return builder.clientConnector(new ReactorClientHttpConnector(netty)).build();
                        }
                    }
                    // file: PartnerLedger.java
                    package com.acme.payments.adapter.partner;

                    import org.springframework.web.reactive.function.client.WebClient;

                    public class PartnerLedger {
                        private final WebClient partnerWebClient;

                        public PartnerLedger(WebClient partnerWebClient) {
                            this.partnerWebClient = partnerWebClient;
                        }

                        public String entry(String id) {
                            return partnerWebClient.get().uri("/ledger/{id}", id).retrieve().bodyToMono(String.class).block();
                        }
                    }
                    """);
        }
    }
}
