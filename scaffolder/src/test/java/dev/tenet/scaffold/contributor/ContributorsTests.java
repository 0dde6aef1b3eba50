package dev.tenet.scaffold.contributor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ProjectWriter;
import dev.tenet.scaffold.generate.ServiceModel;
import dev.tenet.scaffold.spec.Database;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.Relay;
import dev.tenet.scaffold.spec.SpecParser;
import dev.tenet.scaffold.spec.SpecParserTests;
import dev.tenet.scaffold.template.MustacheRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each contributor on its own, written into a temporary directory. */
class ContributorsTests {
    private static final String JAVA = "src/main/java/org/acme/points/";
    private static final String TEST = "src/test/java/org/acme/points/";

    @TempDir
    Path dir;

    private static PipelineSpec spec() {
        return SpecParser.parse(SpecParserTests.MINIMAL, "p.yaml");
    }

    private Path write(ProjectContributor contributor, PipelineSpec spec) throws Exception {
        GeneratedFiles files = new GeneratedFiles(new MustacheRenderer());
        contributor.contribute(new ServiceModel(spec), files);
        Path target = dir.resolve("out");
        ProjectWriter.writeNew(files, target);
        return target;
    }

    private static String read(Path root, String path) throws Exception {
        return Files.readString(root.resolve(path));
    }

    private static long count(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void theDebeziumRelayReplacesThePollingScheduleAndBringsTheDebeziumBomAndItsOpsConfigurations() throws Exception {
        PipelineSpec cdc = spec().withRelay(Relay.DEBEZIUM);
        Path outbox = writeInto("outbox", new OutboxContributor(), cdc);
        assertThat(outbox.resolve(JAVA + "adapter/out/outbox/CdcOutboxRelay.java")).exists();
        for (String polling : List.of("OutboxRelay", "OutboxLeases", "OutboxRelayException", "OutboxRelayScheduler", "OutboxRelayOutage",
                "OutboxBatches", "OutboxMessage")) {
            assertThat(outbox.resolve(JAVA + "adapter/out/outbox/" + polling + ".java")).as(polling).doesNotExist();
        }
        assertThat(read(outbox, JAVA + "adapter/out/outbox/JdbcBalanceChangedOutbox.java")).contains("INSERT INTO outbox_message",
                "DELETE FROM outbox_message WHERE event_id IN");
        assertThat(read(outbox, JAVA + "adapter/out/outbox/OutboxMetrics.java")).contains("COUNT(*)").contains("FROM outbox_message GROUP BY topic");
        assertThat(read(writeInto("migration", new MigrationContributor(), cdc), "src/main/resources/db/migration/V1__baseline.sql"))
                .contains("CREATE TABLE outbox_message").doesNotContain("outbox_batch");
        assertThat(read(writeInto("build", new BuildContributor(), cdc), "pom.xml")).contains("<artifactId>debezium-bom</artifactId>",
                "<artifactId>debezium-embedded</artifactId>", "<artifactId>debezium-connector-postgres</artifactId>");
        Path ops = writeInto("ops", new OpsContributor(), cdc);
        assertThat(read(ops, "ops/cdc/connector.json")).contains("\"transforms.outbox.route.by.field\": \"topic\"",
                "\"transforms.outbox.table.field.event.key\": \"message_key\"", "\"slot.name\": \"outbox_");
        assertThat(ops.resolve("ops/cdc/debezium-server.properties")).exists();

        Path polling = writeInto("polling", new OutboxContributor(), spec());
        assertThat(polling.resolve(JAVA + "adapter/out/outbox/CdcOutboxRelay.java")).doesNotExist();
        assertThat(read(polling, JAVA + "adapter/out/outbox/JdbcBalanceChangedOutbox.java")).doesNotContain("DELETE", "outbox_message");
    }

    @Test
    void theDebeziumRelayOnMySqlReadsTheBinlogWithBothConnectorsPinnedWithoutTheBomAndShipsBothConnectorConfigurations() throws Exception {
        PipelineSpec cdc = spec().withDatabase(Database.MYSQL).withRelay(Relay.DEBEZIUM);
        String pom = read(writeInto("build-mysql", new BuildContributor(), cdc), "pom.xml");
        assertThat(pom).contains("<debezium.version>3.5.0.Final</debezium.version>", "<artifactId>debezium-connector-mysql</artifactId>",
                "<artifactId>debezium-connector-mariadb</artifactId>").doesNotContain("debezium-bom", "debezium-connector-postgres");
        String settings = read(writeInto("outbox-mysql", new OutboxContributor(), cdc), JAVA + "adapter/out/outbox/CdcRelaySettings.java");
        assertThat(settings).contains("io.debezium.connector.mariadb.MariaDbConnector", "io.debezium.connector.mysql.MySqlConnector",
                "database.server.id", "FileSchemaHistory").doesNotContain("slot.name", "pgoutput");
        Path ops = writeInto("ops-mysql", new OpsContributor(), cdc);
        assertThat(read(ops, "ops/cdc/connector.json")).contains("\"connector.class\": \"io.debezium.connector.mysql.MySqlConnector\"")
                .doesNotContain("slot.name");
        assertThat(read(ops, "ops/cdc/connector-mariadb.json")).contains("\"connector.class\": \"io.debezium.connector.mariadb.MariaDbConnector\"");
        assertThat(read(ops, "ops/cdc/debezium-server-mariadb.properties")).contains("debezium.source.connector.class=io.debezium.connector.mariadb.MariaDbConnector");
        assertThat(read(ops, "ops/prometheus/alerts.yaml")).contains("pipeline_outbox_cdc_lag_seconds");
    }

    private Path writeInto(String name, ProjectContributor contributor, PipelineSpec spec) throws Exception {
        GeneratedFiles files = new GeneratedFiles(new MustacheRenderer());
        contributor.contribute(new ServiceModel(spec), files);
        Path target = dir.resolve(name);
        ProjectWriter.writeNew(files, target);
        return target;
    }

    @Test
    void buildWritesThePomWithTheDatabaseDriverAndAnExecutableWrapper() throws Exception {
        Path out = write(new BuildContributor(), spec());
        assertThat(read(out, "pom.xml")).contains("<version>4.0.8</version>", "<artifactId>postgresql</artifactId>",
                "flyway-database-postgresql").doesNotContain("mariadb", "resilience4j-circuitbreaker", "data-redis");
        assertThat(Files.isExecutable(out.resolve("mvnw"))).isTrue();
        assertThat(out.resolve(".mvn/wrapper/maven-wrapper.properties")).exists();
    }

    @Test
    void applicationSetsManualCommitsIdempotentProducerAndBatchListeners() throws Exception {
        Path out = write(new ApplicationContributor(), spec());
        assertThat(read(out, "src/main/resources/application.yml")).contains("enable-auto-commit: false", "acks: all",
                "enable.idempotence: true", "type: batch", "ack-mode: batch", "jdbc:postgresql://");
        assertThat(read(out, JAVA + "config/KafkaConfig.java")).contains("new DeadLetterSender(", "ExponentialBackOffWithMaxRetries");
        assertThat(out.resolve(JAVA + "PointsApplication.java")).exists();
    }

    @Test
    void domainHasNoFrameworkImports() throws Exception {
        Path out = write(new DomainContributor(), spec());
        try (Stream<Path> files = Files.walk(out.resolve(JAVA + "domain"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("import org.springframework", "import tools.jackson");
            }
        }
        assertThat(read(out, JAVA + "domain/BalanceChanged.java")).contains("nameUUIDFromBytes");
    }

    @Test
    void theAggregateStoreUpsertsInTheChosenDialect() throws Exception {
        assertThat(read(write(new AccumulatorContributor(), spec()), JAVA + "adapter/out/persistence/JdbcBalanceStore.java"))
                .contains("ON CONFLICT (user_id) DO UPDATE SET points = balance.points + EXCLUDED.points");
        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertThat(read(write(new AccumulatorContributor(), spec().withDatabase(Database.MYSQL)), JAVA + "adapter/out/persistence/JdbcBalanceStore.java"))
                .contains("SELECT user_id, points FROM JSON_TABLE(?, '$[*]' COLUMNS (user_id VARCHAR(1024) PATH '$[0]' ERROR ON ERROR, "
                        + "points BIGINT PATH '$[1]' ERROR ON ERROR)) AS incoming ON DUPLICATE KEY UPDATE points = balance.points + incoming.points, "
                        + "updated_at = (UTC_TIMESTAMP(6))", "JSON.writeValueAsString(incoming)")
                .doesNotContain("VALUES(", "UNION ALL");
    }

    @Test
    void byDefaultEachConsumersEventsTableIsItsDedupRecord() throws Exception {
        Path idempotency = write(new IdempotencyContributor(), spec());
        assertThat(read(idempotency, JAVA + "adapter/out/persistence/IdempotentInsert.java"))
                .contains("\"INSERT INTO \" + table + \" (\" + String.join(\", \", columns) + \", claim_token) VALUES \"",
                        "\" ON CONFLICT (\" + idColumn + \") DO NOTHING\"", "\" WHERE claim_token = ? AND \" + idColumn + \" IN (\"");
        assertThat(count(idempotency)).isEqualTo(2);
        assertThat(read(idempotency, "src/test/java/org/acme/points/adapter/out/persistence/IdempotentInsertTests.java"))
                .contains("void idsStoredBeforeOrRepeatedInTheBatchAreLeftOut()");
        Path consumer = writeInto("consumer", new ConsumerContributor(), spec());
        assertThat(read(consumer, JAVA + "adapter/out/persistence/JdbcPointsEarnedStore.java"))
                .contains("new IdempotentInsert<>(jdbc, \"points_earned\", \"event_id\", List.of(\"event_id\", \"user_id\", \"points\"),",
                        "PointsEarned::eventId, e -> new Object[] {e.eventId(), e.userId(), e.points()});");
        assertThat(read(consumer, JAVA + "application/RecordPointsEarned.java")).contains("events.storeNew(batch)").doesNotContain("ProcessedEvents");
        assertThat(read(consumer, "src/main/resources/db/migration/V2__points_earned.sql")).contains("claim_token BIGINT NOT NULL DEFAULT 0");
    }

    @Test
    void theEventsTableSkipsKnownIdsInTheChosenDialect() throws Exception {
        assertThat(read(write(new IdempotencyContributor(), spec().withDatabase(Database.MYSQL)), JAVA + "adapter/out/persistence/IdempotentInsert.java"))
                .contains("\"INSERT IGNORE INTO \" + table", "Rows.BULK", "insert.getUpdateCount() == rowCount").doesNotContain("ON CONFLICT");
    }

    @Test
    void withRedisIdempotencyTheIdsAreRedisKeysAndTheEventsTableHasNoClaim() throws Exception {
        PipelineSpec redis = SpecParser.parse(SpecParserTests.MINIMAL + "idempotency:\n  store: redis\n", "p.yaml");
        Path idempotency = writeInto("idempotency", new IdempotencyContributor(), redis);
        assertThat(read(idempotency, JAVA + "adapter/out/redis/RedisProcessedEvents.java")).contains("implements ProcessedEvents");
        assertThat(idempotency.resolve(JAVA + "adapter/out/persistence/IdempotentInsert.java")).doesNotExist();
        assertThat(idempotency.resolve(JAVA + "domain/port/ProcessedEvents.java")).exists();
        Path consumer = writeInto("consumer", new ConsumerContributor(), redis);
        assertThat(read(consumer, JAVA + "application/RecordPointsEarned.java")).contains("processedEvents.claim", "events.saveAll(applied)");
        assertThat(read(consumer, "src/main/resources/db/migration/V2__points_earned.sql")).doesNotContain("claim_token");
    }

    @Test
    void outboxHasTheWriterTheRelayItsScheduleAndTheBacklogGauges() throws Exception {
        Path out = write(new OutboxContributor(), spec());
        assertThat(read(out, JAVA + "adapter/out/outbox/OutboxRelay.java"))
                .contains("SELECT id, message_count FROM outbox_batch WHERE shard = :shard ORDER BY id LIMIT :limit",
                        "SELECT id, topic, messages FROM outbox_batch WHERE id IN (:ids) ORDER BY id", "DELETE FROM outbox_batch")
                .doesNotContain("FOR UPDATE", "outbox_message");
        assertThat(read(out, JAVA + "adapter/out/outbox/OutboxBatches.java"))
                .contains("INSERT INTO outbox_batch (shard, topic, message_count, messages) VALUES (?, ?, ?, ?)", "OutboxShards.of(message.key())");
        assertThat(read(out, JAVA + "adapter/out/outbox/OutboxLeases.java"))
                .contains("token = token + 1", "expires_at < clock_timestamp()", "AND token = :token");
        assertThat(out.resolve(JAVA + "adapter/out/outbox/JdbcBalanceChangedOutbox.java")).exists();
        assertThat(out.resolve(JAVA + "adapter/out/outbox/OutboxRelayScheduler.java")).exists();
        assertThat(read(out, JAVA + "adapter/out/outbox/OutboxMetrics.java"))
                .contains("SUM(message_count), EXTRACT(EPOCH FROM clock_timestamp() - MIN(created_at)) FROM outbox_batch GROUP BY topic",
                        "\"pipeline.outbox.backlog\"");
        assertThat(read(out, JAVA + "adapter/out/outbox/OutboxRelay.java")).contains("traces.sending(message.traceparent(), record)");
        assertThat(read(out, JAVA + "adapter/out/outbox/JdbcBalanceChangedOutbox.java")).contains("traces.traceparentOf(e.sourceEventId())");
    }

    @Test
    void kafkaInboundCountsDeadLettersAndDuplicates() throws Exception {
        Path out = write(new KafkaInboundContributor(), spec());
        assertThat(read(out, JAVA + "adapter/in/kafka/DeadLetterReporter.java")).contains("\"pipeline.dead.letters\"", "public void recovered(");
        assertThat(read(out, JAVA + "adapter/in/kafka/DuplicateReporter.java")).contains("\"pipeline.duplicates.skipped\"");
    }

    @Test
    void theBaselineMigrationIsInTheChosenDialect() throws Exception {
        String sql = read(write(new MigrationContributor(), spec()), "src/main/resources/db/migration/V1__baseline.sql");
        assertThat(sql).contains("GENERATED ALWAYS AS IDENTITY", "TIMESTAMPTZ", "CREATE TABLE outbox_lease")
                .contains("INSERT INTO outbox_lease (shard, token) VALUES (0, 0), (1, 0)")
                .doesNotContain("processed_event");
    }

    @Test
    void onMySqlEveryTimeIsADatetimeInUtcAndEveryTableComparesBytes() throws Exception {
        String sql = read(write(new MigrationContributor(), spec().withDatabase(Database.MYSQL)), "src/main/resources/db/migration/V1__baseline.sql");
        long tables = sql.lines().filter(line -> line.startsWith("CREATE TABLE")).count();
        assertThat(sql.lines().filter(line -> line.equals(") DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;")).count()).isEqualTo(tables).isEqualTo(3);
        assertThat(sql).contains("updated_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6))").doesNotContain("TIMESTAMP(6) NOT", "CURRENT_TIMESTAMP");
    }

    @Test
    void retentionPurgesInBoundedBatchesByTheDatabaseClock() throws Exception {
        Path out = write(new RetentionContributor(), spec().withDatabase(Database.MYSQL));
        assertThat(read(out, JAVA + "adapter/out/persistence/RetentionPurge.java"))
                .contains("DELETE FROM %1$s WHERE %2$s < TIMESTAMPADD(MICROSECOND, -?, UTC_TIMESTAMP(6)) ORDER BY %2$s LIMIT ?");
        assertThat(read(out, JAVA + "adapter/out/persistence/RetentionPurgeScheduler.java"))
                .contains("@ConditionalOnProperty(name = \"pipeline.retention.purge-enabled\"");
        assertThat(out.resolve(TEST + "RetentionPurgeTests.java")).exists();
        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertThat(read(write(new RetentionContributor(), spec()), JAVA + "adapter/out/persistence/RetentionPurge.java"))
                .contains("DELETE FROM %1$s WHERE ctid = ANY (ARRAY(SELECT ctid FROM %1$s WHERE %2$s < now()", "LIMIT ?))");
    }

    @Test
    void aConsumerIsOnlyNewFilesWithItsOwnMigrationVersion() throws Exception {
        Path out = write(new ConsumerContributor(), spec());
        assertThat(read(out, JAVA + "adapter/in/kafka/PointsEarnedListener.java"))
                .contains("@KafkaListener(id = RecordPointsEarned.CONSUMER", "batch = \"true\"", "BatchListenerFailedException");
        assertThat(read(out, "src/main/resources/db/migration/V2__points_earned.sql")).contains("CREATE TABLE points_earned", "points BIGINT NOT NULL",
                "CREATE INDEX points_earned_consumed_at ON points_earned (consumed_at);");
        assertThat(read(out, JAVA + "adapter/out/persistence/PointsEarnedRetention.java")).contains("extends StoredEventsRetention", "super(\"points_earned\", properties);");
        assertThat(read(out, JAVA + "application/RecordPointsEarned.java")).contains("@Transactional", "events.storeNew(batch)");
        assertThat(out.resolve(TEST + "PointsEarnedPipelineTests.java")).exists();
        assertThat(count(out)).isEqualTo(10);
    }

    @Test
    void theReadSideReturnsAResponseRecord() throws Exception {
        Path out = write(new ReadSideContributor(), spec());
        assertThat(read(out, JAVA + "adapter/in/http/BalanceController.java")).contains("ResponseEntity<BalanceResponse>");
    }

    @Test
    void optionalFeaturesAreAbsentUnlessAsked() throws Exception {
        GeneratedFiles files = new GeneratedFiles(new MustacheRenderer());
        new OptionalFeaturesContributor().contribute(new ServiceModel(spec()), files);
        assertThat(files.files()).isEmpty();
    }

    @Test
    void testSupportCreatesAFreshDatabasePerRunAndTheDrills() throws Exception {
        Path out = write(new TestSupportContributor(), spec());
        assertThat(read(out, TEST + "TestDatabase.java")).contains("tenet_gen_", "TEST_DB_URL", "WITH (FORCE)");
        assertThat(read(out, TEST + "PipelineDrillsTests.java")).contains("aDuplicatedEventIsCountedOnce",
                "aPoisonEventLandsInTheDeadLetterTopic", "theConsumerStoppedAndRestarted", "theOutboxRelayFailingMidBatch");
        assertThat(read(out, TEST + "OutboxRelayReplicasDrillsTests.java")).contains("threeRelaysWithOneKilledMidBatch", "killed.kill()");
        assertThat(read(out, TEST + "PollingRelayReplica.java")).contains("HANGING", "relay.drain()");
        assertThat(read(out, TEST + "RelayProcess.java")).contains("destroyForcibly", "java.class.path");
        assertThat(read(out, TEST + "TestPointsApplication.java")).contains("EmbeddedKafkaKraftBroker");
    }

    @Test
    void opsScaleOnLagUpToThePartitionCountAndShipAlertsWithTheirTestsARunbookAndADashboard() throws Exception {
        Path out = write(new OpsContributor(), spec());
        assertThat(read(out, "k8s/keda-scaledobject.yaml")).contains("maxReplicaCount: 2", "6 partitions / 3 threads", "topic: points.earned", "consumerGroup: points");
        assertThat(read(out, "ops/prometheus/alerts.yaml")).contains("consumergroup=\"points\"", "{{ $labels.topic }}",
                "pipeline_outbox_oldest_age_seconds{service=\"points\"}", "runbook: RUNBOOK.md#outbox-relay-stuck");
        assertThat(read(out, "ops/prometheus/alerts.test.yaml")).contains("rule_files:", "alertname: PointsApplicationOutboxRelayStuck");
        assertThat(read(out, "RUNBOOK.md")).contains("## Outbox relay stuck", "/actuator/dltreplay");
        assertThat(read(out, "ops/grafana/dashboard.json")).contains("kafka_consumergroup_lag{consumergroup=\\\"points\\\"}");
        assertThat(read(out, ".github/workflows/ci.yml")).contains("./mvnw -B verify", "tenet.jar check", "${{ vars.TENET_JAR_URL }}",
                "promtool prom/prometheus:v2.53.3", "test rules /rules/alerts.test.yaml");
        assertThat(out.resolve("compose.yaml")).content().contains("postgres:16");
        assertThat(out.resolve("Dockerfile")).exists();
    }

    @Test
    void aiFilesPointAtTenetMcpAndDeclareTheLayers() throws Exception {
        Path out = write(new AiContributor(), spec());
        assertThat(read(out, ".mcp.json")).contains("\"args\": [\"mcp\"]");
        assertThat(read(out, ".cursor/mcp.json")).isEqualTo(read(out, ".mcp.json"));
        assertThat(read(out, ".tenet/config.yml")).contains("domain: org.acme.points.domain..");
        assertThat(read(out, "docs/tech-spec.md")).contains("`points.earned`", "at least once");
    }

    @Test
    void aTieredCacheAddsTheLocalTierItsInvalidationListenerAndTopicAndATest() throws Exception {
        Path out = write(new OptionalFeaturesContributor(), SpecParser.parse(SpecParserTests.MINIMAL + "cache: { ttl: 10m, tiered: true }\n", "p.yaml"));
        assertThat(read(out, JAVA + "adapter/out/cache/TieredBalanceCache.java"))
                .contains("expireAfterWrite(localTtl).maximumSize(localMaxSize)", "maximumSize(localMaxSize)");
        assertThat(read(out, JAVA + "adapter/in/kafka/BalanceCacheInvalidationListener.java")).contains("groupId = \"points-cache-${random.uuid}\"");
        assertThat(read(out, JAVA + "config/BalanceCacheTopics.java")).contains(".compact()");
        assertThat(read(out, JAVA + "adapter/out/outbox/JdbcBalanceCacheInvalidations.java")).contains("outbox.append(topic,")
                .doesNotContain("outbox_message");
        assertThat(out.resolve(TEST + "BalanceTieredCacheTests.java")).exists();
    }

    @Test
    void aiFilesIncludeTheRulesExportedForClaudeAgentsAndCursor() throws Exception {
        Path out = write(new AiContributor(), spec());
        assertThat(read(out, "CLAUDE.md")).startsWith("<!-- tenet:rules:begin -->").contains("`pipeline.outbox-dual-write`")
                .endsWith("<!-- tenet:rules:end -->\n");
        assertThat(read(out, "AGENTS.md")).contains("tenet rules export --format agents");
        assertThat(read(out, ".cursor/rules/tenet-pipeline.outbox-dual-write.mdc")).startsWith("---\ndescription: ");
    }
}
