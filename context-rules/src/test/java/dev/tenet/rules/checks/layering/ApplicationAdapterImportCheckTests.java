package dev.tenet.rules.checks.layering;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationAdapterImportCheckTests {
    private static final List<String> RULE = List.of("layering.application-no-adapter");
    private static final String PARTNER_ADAPTER = """
            // file: PartnerRestClient.java
            package com.acme.learning.adapter.partner;

            public class PartnerRestClient {
                public long minutesOf(String userId) {
                    return 0;
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aUseCaseImportingAnAdapterClassIsReported() {
        assertFindings(dir, RULE, PARTNER_ADAPTER, """
                // file: AccumulateTrainingTime.java
                package com.acme.learning.application;

                import com.acme.learning.adapter.partner.PartnerRestClient; // VIOLATION: layering.application-no-adapter

                public class AccumulateTrainingTime {
                    private final PartnerRestClient partner;

                    public AccumulateTrainingTime(PartnerRestClient partner) {
                        this.partner = partner;
                    }
                }
                """);
    }

    @Test
    void wildcardAndStaticImportsOfOuterLayersAreReported() {
        assertFindings(dir, RULE, PARTNER_ADAPTER, """
                // file: Topics.java
                package com.acme.learning.infrastructure.kafka;

                public final class Topics {
                    public static final String PROGRESS = "learning.progress.v1";
                }
                """, """
                // file: PublishProgress.java
                package com.acme.learning.application;

                import com.acme.learning.adapter.partner.*; // VIOLATION: layering.application-no-adapter
                import static com.acme.learning.infrastructure.kafka.Topics.PROGRESS; // VIOLATION: layering.application-no-adapter

                public class PublishProgress {
                    String topic() {
                        return PROGRESS;
                    }
                }
                """);
    }

    @Test
    void aPackageQualifiedFieldOrParameterTypeIsReportedWithoutAnImport() {
        assertFindings(dir, RULE, PARTNER_ADAPTER, """
                // file: ProgressQuery.java
                package com.acme.learning.application;

                import java.util.List;

                public class ProgressQuery {
                    private final com.acme.learning.adapter.partner.PartnerRestClient partner; // VIOLATION: layering.application-no-adapter

                    ProgressQuery(List<com.acme.learning.adapter.partner.PartnerRestClient> all) { // VIOLATION: layering.application-no-adapter
                        this.partner = all.get(0);
                    }
                }
                """);
    }

    @Test
    void layersComeFromTheRepositoryConfiguration() {
        assertFindings(dir, RULE, """
                // file: .tenet/config.yml
                layers:
                  domain: ["com.acme.core.model.."]
                  application: ["com.acme.core.service.."]
                  adapter: ["com.acme.io.."]
                // file: ProgressStore.java
                package com.acme.io.mysql;

                public class ProgressStore {
                }
                // file: Progress.java
                package com.acme.core.model;

                public record Progress(String userId, long minutes) {
                }
                // file: ProgressService.java
                package com.acme.core.service;

                import com.acme.core.model.Progress;
                import com.acme.io.mysql.ProgressStore; // VIOLATION: layering.application-no-adapter

                public class ProgressService {
                    private ProgressStore store;
                    private Progress last;
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void aUseCaseDependingOnItsPortAndTheDomainIsSilent() {
            assertFindings(dir, RULE, """
                    // file: TrainingTimeSource.java
                    package com.acme.learning.application.port;

                    public interface TrainingTimeSource {
                        long minutesOf(String userId);
                    }
                    // file: TrainingProgress.java
                    package com.acme.learning.domain;

                    public record TrainingProgress(String userId, long minutes) {
                    }
                    // file: AccumulateTrainingTime.java
                    package com.acme.learning.application;

                    import com.acme.learning.application.port.TrainingTimeSource;
                    import com.acme.learning.domain.TrainingProgress;
                    import org.springframework.web.client.RestClient;
                    import java.util.List;

                    public class AccumulateTrainingTime {
                        private final TrainingTimeSource source;

                        AccumulateTrainingTime(TrainingTimeSource source) {
                            this.source = source;
                        }

                        TrainingProgress of(String userId) {
                            return new TrainingProgress(userId, source.minutesOf(userId));
                        }
                    }
                    """);
        }

        @Test
        void anAdapterImportingTheApplicationIsSilent() {
            assertFindings(dir, RULE, """
                    // file: TrainingTimeSource.java
                    package com.acme.learning.application.port;

                    public interface TrainingTimeSource {
                        long minutesOf(String userId);
                    }
                    // file: PartnerTrainingTimeSource.java
                    package com.acme.learning.adapter.partner;

                    import com.acme.learning.application.port.TrainingTimeSource;

                    public class PartnerTrainingTimeSource implements TrainingTimeSource {
                        public long minutesOf(String userId) {
                            return 0;
                        }
                    }
                    """);
        }

        @Test
        void aLibraryPackageThatLooksLikeALayerIsNotTheCodebasesOwn() {
            assertFindings(dir, RULE, """
                    // file: ProgressController.java
                    package com.acme.learning.web;

                    public class ProgressController {
                    }
                    // file: ProgressQuery.java
                    package com.acme.learning.application;

                    import org.springframework.web.bind.annotation.RequestParam;
                    import org.springframework.web.client.RestClientException;

                    public class ProgressQuery {
                        private final org.springframework.web.client.RestClient client = null;
                    }
                    """);
        }
    }
}
