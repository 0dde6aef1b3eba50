package com.example.learning;

import com.example.learning.adapter.out.outbox.OutboxRelay;
import com.example.learning.adapter.out.outbox.OutboxTraces;
import com.example.learning.config.PipelineProperties;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay of {@link OutboxRelayReplicasDrillsTests}' replica that is killed, run in a JVM of its own by
 * {@link RelayProcess}: its own pool and producer, one drain with batches of the given size. After delivering
 * {@code sends} messages of the given topic it prints {@value #HANGING} and hangs in its next send, mid-batch and
 * holding the leases it claimed, until the drill kills it.
 *
 * <p>Arguments: JDBC URL, user, password, bootstrap servers, topic, sends, batch size, lease (ms), partitions.
 */
public final class PollingRelayReplica {
    static final String HANGING = "relay replica hangs mid-batch";

    private PollingRelayReplica() {
    }

    public static void main(String[] args) {
        if (args.length != 9) {
            System.err.println("usage: PollingRelayReplica JDBC_URL USER PASSWORD BOOTSTRAP_SERVERS TOPIC SENDS BATCH_SIZE LEASE_MS PARTITIONS");
            System.exit(2);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(args[0]);
        pool.setUsername(args[1]);
        pool.setPassword(args[2]);
        pool.setAutoCommit(false);
        pool.setMaximumPoolSize(2);
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[3], ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        PipelineProperties properties = new PipelineProperties(Integer.parseInt(args[8]),
                new PipelineProperties.Retry(3, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10)),
                new PipelineProperties.Outbox(Integer.parseInt(args[6]), Duration.ofMillis(Long.parseLong(args[7]))));
        OutboxRelay relay = new OutboxRelay(new NamedParameterJdbcTemplate(pool), new TransactionTemplate(new DataSourceTransactionManager(pool)),
                hangingAfter(producers, args[4], Integer.parseInt(args[5])), properties, new OutboxTraces(Tracer.NOOP, Propagator.NOOP));
        // Connected before the drain: the leases it claims run out in a few seconds, the first send must not spend them.
        try (Connection connection = pool.getConnection()) {
            producers.createProducer().partitionsFor(args[4]);
        } catch (SQLException e) {
            throw new IllegalStateException("the relay replica cannot reach " + args[0], e);
        }
        int published = relay.drain();
        System.out.println("the relay replica drained " + published + " messages without hanging");
        System.exit(1);
    }

    /** Delivers {@code sends} messages of {@code topic} (and any of other topics), waits for their acknowledgements, then hangs. */
    private static KafkaTemplate<String, String> hangingAfter(DefaultKafkaProducerFactory<String, String> producers, String topic, int sends) {
        AtomicInteger sent = new AtomicInteger();
        return new KafkaTemplate<>(producers) {
            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                if (!topic.equals(record.topic()) || sent.incrementAndGet() <= sends) {
                    return super.send(record);
                }
                flush();
                System.out.println(HANGING);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the relay replica was meant to hang until killed");
            }
        };
    }
}
