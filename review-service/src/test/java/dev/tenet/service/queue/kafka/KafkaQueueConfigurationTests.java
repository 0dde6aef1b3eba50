package dev.tenet.service.queue.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.TenetInputException;
import dev.tenet.service.queue.JobOutcome;
import dev.tenet.service.queue.JobRunner;
import dev.tenet.service.queue.ReviewQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KafkaQueueConfigurationTests {
    final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(KafkaQueueConfiguration.class)
            .withBean(JobRunner.class, () -> job -> JobOutcome.PUBLISHED)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void withoutBootstrapServersTheServiceDoesNotStartAndSaysWhichPropertyIsMissing() {
        service.withPropertyValues("tenet.queue=kafka", "tenet.webhook.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(TenetInputException.class)
                    .hasMessage("tenet.queue=kafka needs tenet.queue.kafka.bootstrap-servers (host:port of the Kafka brokers, "
                            + "e.g. kafka:9092; environment TENET_QUEUE_KAFKA_BOOTSTRAP_SERVERS)");
        });
    }

    @Test
    void aSettingOutOfRangeIsNamed() {
        service.withPropertyValues("tenet.queue=kafka", "tenet.webhook.enabled=true", "tenet.queue.kafka.bootstrap-servers=127.0.0.1:9", "tenet.queue.kafka.concurrency=0")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessage("tenet.queue.kafka.concurrency must be at least 1, not 0"));
    }

    @Test
    void brokersThatAreNoAddressAreNamed() {
        service.withPropertyValues("tenet.queue=kafka", "tenet.webhook.enabled=true", "tenet.queue.kafka.bootstrap-servers=kafka.invalid:9092")
                .run(context -> assertThat(context.getStartupFailure()).rootCause().isInstanceOf(TenetInputException.class)
                        .hasMessageStartingWith("tenet.queue.kafka.bootstrap-servers 'kafka.invalid:9092': "));
    }

    @Test
    void otherQueuesLeaveKafkaAlone() {
        service.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ReviewQueue.class));
        service.withPropertyValues("tenet.queue=in-process").run(context -> assertThat(context).doesNotHaveBean(ReviewQueue.class));
    }
}
