package dev.tenet.rules.checks.pipeline;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockingListenerCheckTests {
    static final List<String> RULE = List.of("pipeline.blocking-listener");

    @TempDir
    Path dir;

    @Test
    void flagsASleepInTheListener() {
        assertFindings(dir, RULE, """
                package com.acme.learning;

                import org.springframework.kafka.annotation.KafkaListener;

                public class SyncListener {
                    @KafkaListener(topics = "learning.progress")
                    public void on(String event) throws InterruptedException {
                        Thread.sleep(1_000); // VIOLATION: pipeline.blocking-listener
                    }
                }
                """);
    }

    @Test
    void flagsARetryLoopInAHelperOfAnotherClass() {
        assertFindings(dir, RULE, """
                // file: PartnerListener.java
                package com.acme.learning;

                import org.springframework.kafka.annotation.KafkaListener;

                public class PartnerListener {
                    private final PartnerSync sync;

                    PartnerListener(PartnerSync sync) {
                        this.sync = sync;
                    }

                    @KafkaListener(topics = "learning.progress")
                    public void on(String event) {
                        sync.push(event); // VIOLATION: pipeline.blocking-listener
                    }
                }
                // file: PartnerSync.java
                package com.acme.learning;

                import org.springframework.web.client.RestClient;

                public class PartnerSync {
                    private final RestClient partner;

                    PartnerSync(RestClient partner) {
                        this.partner = partner;
                    }

                    void push(String event) {
                        int attempts = 0;
                        while (attempts < 5) {
                            try {
                                partner.post().uri("/progress").body(event).retrieve().toBodilessEntity();
                                return;
                            } catch (RuntimeException e) {
                                attempts++;
                            }
                        }
                    }
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void aListenerThatLetsTheContainerRetry() {
            assertFindings(dir, RULE, """
                    package com.acme.learning;

                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.web.client.RestClient;

                    public class PartnerListener {
                        private final RestClient partner;

                        PartnerListener(RestClient partner) {
                            this.partner = partner;
                        }

                        @KafkaListener(topics = "learning.progress")
                        public void on(String event) {
                            partner.post().uri("/progress").body(event).retrieve().toBodilessEntity();
                        }
                    }
                    """);
        }

        @Test
        void aTestsOwnCapturingListener() {
            assertFindings(dir, RULE, """
                    // file: src/test/java/com/acme/learning/CapturingListener.java
                    package com.acme.learning;

                    import org.springframework.kafka.annotation.KafkaListener;

                    class CapturingListener {
                        @KafkaListener(topics = "learning.progress")
                        void on(String event) throws InterruptedException {
                            Thread.sleep(100);
                        }
                    }
                    """);
        }

        @Test
        void aSleepOutsideAnyListenerPath() {
            assertFindings(dir, RULE, """
                    package com.acme.learning;

                    import org.springframework.kafka.annotation.KafkaListener;

                    public class Warmup {
                        @KafkaListener(topics = "learning.progress")
                        public void on(String event) {
                            record(event);
                        }

                        void record(String event) {
                        }

                        void waitForBroker() throws InterruptedException {
                            Thread.sleep(5_000);
                        }
                    }
                    """);
        }
    }
}
