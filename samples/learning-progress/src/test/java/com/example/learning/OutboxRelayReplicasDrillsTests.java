package com.example.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.learning.adapter.out.outbox.OutboxBatches;
import com.example.learning.adapter.out.outbox.OutboxHeaders;
import com.example.learning.adapter.out.outbox.OutboxMessage;
import com.example.learning.adapter.out.outbox.OutboxRelay;
import com.example.learning.adapter.out.outbox.OutboxRelayException;
import com.example.learning.adapter.out.outbox.OutboxShards;
import com.example.learning.adapter.out.outbox.OutboxTraces;
import com.example.learning.config.PipelineProperties;
import com.example.learning.domain.ProgressUpdated;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox relay on three replicas at once, each with its own database pool and producer, one of them in a JVM of
 * its own killed with SIGKILL mid-batch, so none of its own clean-up runs. What consumers of learning.progress-updated see is checked: nothing lost, every key's changes in order once
 * duplicates are dropped by event id, and the dead relay's shards published again once their leases ran out.
 */
class OutboxRelayReplicasDrillsTests extends IntegrationTest {
    private static final String TOPIC = "learning.lecture-watched";
    private static final String PUBLISHED = "learning.progress-updated";
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final int KEYS = 12;
    private static final int EVENTS_PER_KEY = 40;
    private static final int SENT_BEFORE_THE_KILL = 10;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayReplicasDrillsTests.class);

    @Autowired
    OutboxTraces outboxTraces;
    @Autowired
    NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    ProducerFactory<String, String> producerFactory;
    @Autowired
    PipelineProperties properties;
    @Autowired
    JsonMapper json;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    OutboxBatches outboxBatches;

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<DefaultKafkaProducerFactory<String, String>> producers = new ArrayList<>();
    private final ScheduledExecutorService survivorThreads = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stopRelays() {
        survivorThreads.shutdownNow();
        pools.forEach(HikariDataSource::close);
        producers.forEach(DefaultKafkaProducerFactory::destroy);
    }

    @Test
    void threeRelaysWithOneKilledMidBatchLoseNothingKeepEveryKeysOrderAndResumeOnceItsLeaseExpires() throws Exception {
        relay.drain();
        Map<String, List<String>> expectedIds = sendEvents();
        List<String> keys = List.copyOf(expectedIds.keySet());
        eventually("every change in the outbox", () -> changesWaiting(keys) == KEYS * EVENTS_PER_KEY);

        // The killed relay, in a JVM of its own, claims every waiting shard and takes each whole as one batch, so it hangs
        // mid-batch whatever the sizes of the rows, holding the leases of all the shards it claimed.
        try (RelayProcess killed = RelayProcess.start(PollingRelayReplica.class, "killed-relay-replica",
                environment.getRequiredProperty("spring.datasource.url"), environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""), environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                PUBLISHED, Integer.toString(SENT_BEFORE_THE_KILL), Integer.toString(KEYS * EVENTS_PER_KEY), Long.toString(LEASE.toMillis()),
                Integer.toString(properties.partitions()))) {
            killed.awaitOutput(PollingRelayReplica.HANGING, DEADLINE);
            Map<Integer, Long> killedTokens = new LinkedHashMap<>();
            jdbc.queryForList("SELECT shard, token FROM outbox_lease WHERE expires_at > UTC_TIMESTAMP(6)")
                    .forEach(lease -> killedTokens.put(((Number) lease.get("shard")).intValue(), ((Number) lease.get("token")).longValue()));
            assertThat(killedTokens).as("shards leased by the killed relay").isNotEmpty();
            Map<Integer, Long> waitingAtKill = new LinkedHashMap<>();
            killedTokens.keySet().forEach(shard -> waitingAtKill.put(shard, waitingInShard(keys, shard)));

            Queue<Throwable> survivorFailures = new ConcurrentLinkedQueue<>();
            AtomicInteger publishedBySurvivors = new AtomicInteger();
            for (int i = 0; i < 2; i++) {
                OutboxRelay survivor = relay(pool(), new KafkaTemplate<>(producerFactory()), 25);
                survivorThreads.scheduleWithFixedDelay(() -> {
                    try {
                        publishedBySurvivors.addAndGet(survivor.drain());
                    } catch (RuntimeException e) {
                        survivorFailures.add(e);
                    }
                }, 0, 50, TimeUnit.MILLISECONDS);
            }
            long killedAt = System.nanoTime();
            assertThat(killed.kill()).as("exit status of the relay killed with SIGKILL").isEqualTo(RelayProcess.KILLED);

            eventually("every shard of the killed relay claimed again", () -> killedTokens.keySet().stream()
                    .allMatch(shard -> claimedAgain(keys, shard, killedTokens.get(shard), waitingAtKill.get(shard))));
            Duration resumedAfter = Duration.ofNanos(System.nanoTime() - killedAt);
            eventually("the outbox empty", () -> waiting(keys) == 0);

            List<ConsumerRecord<String, String>> published = read(PUBLISHED, r -> expectedIds.containsKey(r.key()),
                    KEYS * EVENTS_PER_KEY + SENT_BEFORE_THE_KILL);
            LOG.info("killed relay's shards {} resumed {} ms after the kill (lease {}); survivors published {} messages, consumers saw {} records",
                    killedTokens.keySet(), resumedAfter.toMillis(), LEASE, publishedBySurvivors.get(), published.size());
            assertThat(survivorFailures).isEmpty();
            assertThat(resumedAfter).isLessThan(LEASE.plusSeconds(5));
            for (String key : keys) {
                List<ConsumerRecord<String, String>> ofKey = published.stream().filter(r -> key.equals(r.key())).toList();
                assertThat(idsAfterDedup(ofKey)).as("event ids of " + key + " as a deduplicating consumer sees them")
                        .containsExactlyElementsOf(expectedIds.get(key));
                assertThat(totalsAfterDedup(ofKey)).as("totals of " + key).containsExactlyElementsOf(LongStream.rangeClosed(1, EVENTS_PER_KEY).boxed().toList());
            }
            assertThat(published.size() - KEYS * EVENTS_PER_KEY).as("records the killed relay had sent, sent again").isGreaterThanOrEqualTo(SENT_BEFORE_THE_KILL);
        }
    }

    @Test
    void aBatchEndsAtTheFirstRowThatDoesNotFitSoNoLaterRowOvertakesIt() {
        relay.drain();
        String key = newKey();
        List<List<String>> rows = List.of(List.of(newEventId(), newEventId()), List.of(newEventId(), newEventId()), List.of(newEventId()));
        transaction.executeWithoutResult(status -> rows.forEach(ids -> outboxBatches.append(PUBLISHED, ids.stream().map(id -> message(id, key)).toList())));
        OutboxRelay relayOfThree = relay(pool(), new KafkaTemplate<>(producerFactory()), 3);

        assertThat(relayOfThree.publishBatch()).as("messages of the first batch: the first row's, the second does not fit").isEqualTo(2);
        assertThat(relayOfThree.drain()).as("messages of the later batches").isEqualTo(3);

        List<String> expected = rows.stream().flatMap(List::stream).toList();
        assertThat(idsAfterDedup(read(PUBLISHED, r -> key.equals(r.key()), expected.size()))).containsExactlyElementsOf(expected);
    }

    @Test
    void aShardWhoseSendIsRefusedKeepsItsRowsWhileTheOtherShardsOfTheRoundAreDeleted() {
        relay.drain();
        String refused = newKey();
        String other = newKey();
        while (OutboxShards.of(other) == OutboxShards.of(refused)) {
            other = newKey();
        }
        List<OutboxMessage> messages = List.of(message(newEventId(), refused), message(newEventId(), refused), message(newEventId(), other),
                message(newEventId(), other));
        transaction.executeWithoutResult(status -> outboxBatches.append(PUBLISHED, messages)); // one row per shard
        KafkaTemplate<String, String> refusing = new KafkaTemplate<>(producerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                return refused.equals(record.key()) ? CompletableFuture.failedFuture(new KafkaException("broker refused " + refused)) : super.send(record);
            }
        };

        assertThatThrownBy(relay(pool(), refusing, 10)::publishBatch).isInstanceOf(OutboxRelayException.class)
                .hasMessageContaining("shard " + OutboxShards.of(refused)).hasRootCauseMessage("broker refused " + refused);
        assertThat(WaitingOutbox.count(jdbc, PUBLISHED, List.of(refused))).as("messages of the refused shard").isEqualTo(2);
        assertThat(WaitingOutbox.count(jdbc, PUBLISHED, List.of(other))).as("messages of the shard that was acknowledged").isZero();

        // The failed relay released the refused shard: another publishes it at once, without waiting for the lease.
        assertThat(relay.drain()).isGreaterThanOrEqualTo(2);
        assertThat(WaitingOutbox.count(jdbc, PUBLISHED, List.of(refused))).isZero();
        assertThat(read(PUBLISHED, r -> refused.equals(r.key()), 2)).hasSize(2);
    }

    /** Events of {@value #KEYS} new keys, one per key in turn, amount 1: every key's published totals count 1, 2, 3... */
    private Map<String, List<String>> sendEvents() {
        Map<String, List<String>> expectedIds = new LinkedHashMap<>();
        for (int k = 0; k < KEYS; k++) {
            expectedIds.put(newKey(), new ArrayList<>());
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int i = 0; i < EVENTS_PER_KEY; i++) {
            for (Map.Entry<String, List<String>> key : expectedIds.entrySet()) {
                String id = newEventId();
                key.getValue().add(ProgressUpdated.idFor(TOPIC, id));
                sends.add(kafka.send(TOPIC, key.getKey(), LectureWatchedJson.of(id, key.getKey(), 1)));
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        return expectedIds;
    }

    private List<String> idsAfterDedup(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new HashSet<>();
        return records.stream().map(r -> new String(r.headers().lastHeader(OutboxHeaders.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8))
                .filter(seen::add).toList();
    }

    private List<Long> totalsAfterDedup(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new HashSet<>();
        return records.stream().filter(r -> seen.add(new String(r.headers().lastHeader(OutboxHeaders.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8)))
                .map(r -> json.readTree(r.value()).get("trainingMinutes").asLong()).toList();
    }

    private long changesWaiting(List<String> keys) {
        return WaitingOutbox.count(jdbc, PUBLISHED, keys);
    }

    /** Every message of these keys, for any topic (with a tiered cache, their invalidations share the shards). */
    private long waiting(List<String> keys) {
        return WaitingOutbox.count(jdbc, null, keys);
    }

    /** Whether another relay has claimed a shard the killed one held; while the killed one's lease is valid, nothing of it was published. */
    private boolean claimedAgain(List<String> keys, int shard, long killedToken, long waitingAtKill) {
        // Counted before the lease is read: a lease the killed relay still holds then was held while they were counted.
        long waiting = waitingInShard(keys, shard);
        Map<String, Object> lease = namedJdbc.queryForMap("SELECT token, CASE WHEN expires_at > UTC_TIMESTAMP(6) THEN 1 ELSE 0 END AS valid"
                + " FROM outbox_lease WHERE shard = :shard", Map.of("shard", shard));
        boolean stillTheKilledOnes = ((Number) lease.get("token")).longValue() == killedToken;
        if (stillTheKilledOnes && ((Number) lease.get("valid")).intValue() == 1) {
            assertThat(waiting).as("messages of shard " + shard + ", whose lease the killed relay holds").isEqualTo(waitingAtKill);
        }
        return !stillTheKilledOnes;
    }

    private static OutboxMessage message(String eventId, String key) {
        return new OutboxMessage(eventId, key, "{}", null);
    }

    private long waitingInShard(List<String> keys, int shard) {
        return WaitingOutbox.countInShard(jdbc, shard, keys);
    }

    /** A relay as on its own replica: its own pool and producer; batches of {@code batchSize} messages (small: every shard takes several). */
    private OutboxRelay relay(HikariDataSource pool, KafkaTemplate<String, String> kafka, int batchSize) {
        PipelineProperties settings = new PipelineProperties(properties.partitions(), properties.retry(), new PipelineProperties.Outbox(batchSize, LEASE));
        return new OutboxRelay(new NamedParameterJdbcTemplate(pool), new TransactionTemplate(new DataSourceTransactionManager(pool)), kafka, settings, outboxTraces);
    }

    private HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
        pool.setUsername(environment.getRequiredProperty("spring.datasource.username"));
        pool.setPassword(environment.getProperty("spring.datasource.password", ""));
        pool.setAutoCommit(false);
        pool.setMaximumPoolSize(2);
        pools.add(pool);
        return pool;
    }

    private DefaultKafkaProducerFactory<String, String> producerFactory() {
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(producerFactory.getConfigurationProperties());
        producers.add(factory);
        return factory;
    }
}
