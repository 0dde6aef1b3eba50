package dev.tenet.scaffold.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.rules.TenetInputException;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

public class SpecParserTests {
    public static final String MINIMAL = """
            service: points
            package: org.acme.points
            database: postgres
            aggregate:
              name: Balance
              key: userId
              total: points
            consumers:
              - topic: points.earned
                event: PointsEarned
                amount: points
                fields:
                  eventId: string
                  userId: string
                  points: long
            publishes:
              topic: points.balance-changed
              event: BalanceChanged
            """;

    @Test
    void aMinimalSpecGetsTheDocumentedDefaults() {
        PipelineSpec spec = SpecParser.parse(MINIMAL, "p.yaml");

        assertThat(spec.database()).isEqualTo(Database.POSTGRES);
        assertThat(spec.partitions()).isEqualTo(6);
        assertThat(spec.idempotency()).isEqualTo(IdempotencyStore.DATABASE);
        assertThat(spec.retry()).isEqualTo(new RetrySpec(3, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10)));
        ConsumerSpec consumer = spec.consumers().get(0);
        assertThat(consumer.key()).isEqualTo("userId");
        assertThat(consumer.id()).isEqualTo("eventId");
        assertThat(consumer.deadLetterTopic()).isEqualTo("points.earned.DLT");
        assertThat(spec.partner()).isEmpty();
        assertThat(spec.cache()).isEmpty();
        assertThat(spec.relay()).isEqualTo(Relay.POLLING);
    }

    @Test
    void theDebeziumRelayOnPostgresSurvivesWritingBack() {
        PipelineSpec spec = SpecParser.parse(MINIMAL + "relay: debezium\n", "p.yaml");

        assertThat(spec.relay()).isEqualTo(Relay.DEBEZIUM);
        assertThat(SpecParser.parse(SpecWriter.write(spec), "written.yaml")).isEqualTo(spec);
    }

    @Test
    void theDebeziumRelayOnMySqlSurvivesWritingBack() {
        PipelineSpec spec = SpecParser.parse(MINIMAL.replace("database: postgres", "database: mysql") + "relay: debezium\n", "p.yaml");

        assertThat(spec.database()).isEqualTo(Database.MYSQL);
        assertThat(spec.relay()).isEqualTo(Relay.DEBEZIUM);
        assertThat(SpecParser.parse(SpecWriter.write(spec), "written.yaml")).isEqualTo(spec);
    }

    @Test
    void writingASpecAndReadingItBackGivesTheSameSpec() {
        PipelineSpec spec = SpecParser.parse(MINIMAL, "p.yaml");
        assertThat(SpecParser.parse(SpecWriter.write(spec), "written.yaml")).isEqualTo(spec);
    }

    @Test
    void aTieredCacheGetsALocalTierShorterThanRedisAndSurvivesWritingBack() {
        PipelineSpec spec = SpecParser.parse(MINIMAL + "cache: { ttl: 10m, tiered: true }\n", "p.yaml");
        assertThat(spec.cache()).contains(new CacheSpec(Duration.ofMinutes(10), true, Duration.ofSeconds(30), 10_000));
        assertThat(SpecParser.parse(SpecWriter.write(spec), "written.yaml")).isEqualTo(spec);
        assertThat(SpecParser.parse(MINIMAL + "cache: { ttl: 10s, tiered: true }\n", "p.yaml").cache().orElseThrow().localTtl())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Nested
    class ErrorsNameTheFileLineAndField {
        private void fails(String yaml, String... expected) {
            assertThatThrownBy(() -> SpecParser.parse(yaml, "p.yaml")).isInstanceOf(TenetInputException.class).hasMessageContainingAll(expected);
        }

        @Test
        void anUnknownTopLevelKey() {
            fails(MINIMAL + "colour: red\n", "p.yaml:19:", "unknown key 'colour'", "expected one of:");
        }

        @Test
        void anUnknownKeyInAConsumer() {
            fails(MINIMAL.replace("    event: PointsEarned\n", "    event: PointsEarned\n    groupId: x\n"), "p.yaml:11:", "unknown key 'groupId'");
        }

        @Test
        void anAmountThatIsNotAField() {
            fails(MINIMAL.replace("amount: points", "amount: score"), "p.yaml:11:", "'amount' of PointsEarned names 'score'");
        }

        @Test
        void anAmountThatIsNotACount() {
            fails(MINIMAL.replace("points: long", "points: string"), "must be an int or long field");
        }

        @Test
        void aKeyOtherThanTheAggregateKey() {
            fails(MINIMAL.replace("    event: PointsEarned\n", "    event: PointsEarned\n    key: eventId\n"), "p.yaml:11:",
                    "records must be keyed by it");
        }

        @Test
        void anEventWithoutItsIdField() {
            fails(MINIMAL.replace("      eventId: string\n", ""), "has no field 'eventId'");
        }

        @Test
        void anUnknownFieldType() {
            fails(MINIMAL.replace("points: long", "points: money"), "p.yaml:15:", "type 'money'", "expected one of: string, int");
        }

        @Test
        void aBadDuration() {
            fails(MINIMAL + "retry:\n  maxInterval: soon\n", "p.yaml:20:", "'maxInterval' is 'soon'");
        }

        @Test
        void theSameTopicTwice() {
            String twice = MINIMAL.replace("publishes:", """
                      - topic: points.earned
                        event: PointsEarnedAgain
                        amount: points
                        fields:
                          eventId: string
                          userId: string
                          points: long
                    publishes:""");
            fails(twice, "topic 'points.earned' is already consumed by PointsEarned");
        }

        @Test
        void aPackageWithAKeyword() {
            fails(MINIMAL.replace("org.acme.points", "org.acme.new"), "p.yaml:2:", "Java keyword 'new'");
        }

        @Test
        void invalidYaml() {
            fails("service: [", "p.yaml:", "invalid YAML");
        }

        @Test
        void aCacheWithoutTtl() {
            fails(MINIMAL + "cache: {}\n", "cache.ttl");
        }

        @Test
        void aTieredFlagThatIsNotABoolean() {
            fails(MINIMAL + "cache:\n  ttl: 10m\n  tiered: yes please\n", "p.yaml:21:", "'tiered' is 'yes please' (expected true or false)");
        }

        @Test
        void aLocalTierSettingWithoutTiered() {
            fails(MINIMAL + "cache:\n  ttl: 10m\n  localTtl: 5s\n", "p.yaml:21:", "'cache.localTtl' needs 'cache.tiered: true'");
        }

        @Test
        void aLocalTierOutlivingRedis() {
            fails(MINIMAL + "cache:\n  ttl: 1m\n  tiered: true\n  localTtl: 5m\n", "p.yaml:22:", "'cache.localTtl' is longer than 'cache.ttl'");
        }

        @Test
        void anUnknownRelay() {
            fails(MINIMAL + "relay: kafka-connect\n", "p.yaml:19:", "'relay' is 'kafka-connect' (expected polling or debezium)");
        }
    }
}
