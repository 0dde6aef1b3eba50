package dev.tenet.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small workspace: a domain class breaking the layering rule, a Kafka publisher behind a port, a team rule and a config. */
final class Fixtures {
    static final String DOMAIN_FILE = "src/main/java/com/acme/learning/domain/TrainingProgress.java";
    static final String SERVICE_FILE = "src/main/java/com/acme/learning/application/TrainingService.java";

    static final String SERVICE_WITH_DUAL_WRITE = """
            package com.acme.learning.application;

            import com.acme.learning.persistence.TrainingMinutesRepository;
            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            @Transactional
            public class TrainingService {
                private final TrainingMinutesRepository minutes;
                private final ProgressPublisher progress;

                public TrainingService(TrainingMinutesRepository minutes, ProgressPublisher progress) {
                    this.minutes = minutes;
                    this.progress = progress;
                }

                public void record(String userId, long sessionMinutes) {
                    minutes.accumulate(userId, sessionMinutes);
                    progress.publish(userId, sessionMinutes);
                }
            }
            """;

    private Fixtures() {
    }

    static Path workspace(Path dir) {
        write(dir, DOMAIN_FILE, """
                package com.acme.learning.domain;

                import org.springframework.stereotype.Component;

                @Component
                public class TrainingProgress {
                    private String userId;
                    private long minutes;
                }
                """);
        write(dir, "src/main/java/com/acme/learning/domain/UserId.java", """
                package com.acme.learning.domain;

                public record UserId(String value) {
                }
                """);
        write(dir, "src/main/java/com/acme/learning/application/ProgressPublisher.java", """
                package com.acme.learning.application;

                public interface ProgressPublisher {
                    void publish(String userId, long totalMinutes);
                }
                """);
        write(dir, "src/main/java/com/acme/learning/adapter/kafka/KafkaProgressPublisher.java", """
                package com.acme.learning.adapter.kafka;

                import com.acme.learning.application.ProgressPublisher;
                import org.springframework.kafka.core.KafkaTemplate;
                import org.springframework.stereotype.Component;

                @Component
                public class KafkaProgressPublisher implements ProgressPublisher {
                    private final KafkaTemplate<String, String> kafkaTemplate;

                    public KafkaProgressPublisher(KafkaTemplate<String, String> kafkaTemplate) {
                        this.kafkaTemplate = kafkaTemplate;
                    }

                    @Override
                    public void publish(String userId, long totalMinutes) {
                        kafkaTemplate.send("learning.progress", userId, "{\\"minutes\\":" + totalMinutes + "}");
                    }
                }
                """);
        write(dir, "src/main/java/com/acme/learning/persistence/TrainingMinutesRepository.java", """
                package com.acme.learning.persistence;

                import com.acme.learning.domain.TrainingProgress;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Modifying;
                import org.springframework.data.jpa.repository.Query;

                public interface TrainingMinutesRepository extends JpaRepository<TrainingProgress, String> {
                    @Modifying
                    @Query("update TrainingProgress p set p.minutes = p.minutes + :minutes where p.userId = :userId")
                    void accumulate(String userId, long minutes);
                }
                """);
        write(dir, ".tenet/config.yml", """
                rules:
                  caching.redis-write-without-ttl: off
                  layering.domain-no-framework: warning
                """);
        write(dir, ".tenet/rules/team.money-as-minor-units.md", """
                ---
                id: team.money-as-minor-units
                summary: Amounts are long minor units (cents), never double
                severity: warning
                category: team
                tags: [money, payments, double]
                since: 0.1.0
                ---
                # Amounts are long minor units

                ## Why

                Doubles round: 0.1 + 0.2 is not 0.3, and ledgers drift by a cent a day.

                ## Do

                Keep `long amountMinor` with a currency.

                ## Don't

                Use `double amount` for money.

                ## How to fix

                Store and compute in minor units; format only at the edge.
                """);
        return dir;
    }

    static void write(Path root, String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
