package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.scaffold.Scaffolder;
import dev.tenet.scaffold.generate.GenerationRecord;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.Relay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddConsumerCommandTests {
    @TempDir
    Path temp;
    Path service;

    @BeforeEach
    void generate() {
        service = temp.resolve("svc");
        assertThat(Cli.run("new", "--spec", NewCommandTests.SPEC.toString(), "--out", service.toString()).exitCode()).isZero();
    }

    private Cli.Result add(String... extra) {
        String[] base = {"add", "consumer", "--dir", service.toString(), "--topic", "learning.course-completed", "--event", "CourseCompleted",
            "--amount", "minutes", "--field", "eventId:string", "--field", "userId:string", "--field", "minutes:int"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void addsTheConsumerInNewFilesWithTheNextMigration() {
        Cli.Result result = add();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Added CourseCompleted", "V5__course_completed.sql", "CourseCompletedListener.java");
        assertThat(service.resolve("src/main/java/com/example/learning/adapter/in/kafka/CourseCompletedListener.java")).exists();
        assertThat(service.resolve(".tenet/pipeline.yaml")).content().contains("learning.course-completed");
    }

    @Test
    void refusesToOverwriteAFileTheUserChangedUnlessForced() throws Exception {
        Path readme = service.resolve("README.md");
        Files.writeString(readme, Files.readString(readme).replace("Learning Progress: consumes", "Learning Progress (tuned by hand): consumes"));

        Cli.Result refused = add();
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("refusing to overwrite", "README.md", "--force");
        assertThat(readme).content().contains("(tuned by hand)");
        assertThat(service.resolve("src/main/java/com/example/learning/adapter/in/kafka/CourseCompletedListener.java")).doesNotExist();

        Cli.Result forced = add("--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("overwrote your change");
        assertThat(readme).content().doesNotContain("(tuned by hand)").contains("learning.course-completed");
    }

    @Test
    void anOrdinaryPomEditIsKeptAndTenetsChangeMergedIntoIt() throws Exception {
        Path pom = service.resolve("pom.xml");
        String dependency = "    <dependency>\n      <groupId>org.apache.commons</groupId>\n      <artifactId>commons-lang3</artifactId>\n"
                + "    </dependency>\n";
        Files.writeString(pom, Files.readString(pom).replace("  </dependencies>", dependency + "  </dependencies>"));

        Cli.Result result = add();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("pom.xml   (your change kept, Tenet's merged in)");
        String merged = Files.readString(pom);
        assertThat(merged).contains(dependency).contains("learning.attendance-verified and learning.course-completed");
        assertThat(merged).doesNotContain("<<<<<<<", ">>>>>>>");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    @Test
    void aMergedFileMergesAgainOnTheNextAdd() throws Exception {
        Path pom = service.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("  </dependencies>", "    <!-- mine -->\n  </dependencies>"));
        assertThat(add().exitCode()).isZero();

        Cli.Result second = Cli.run("add", "consumer", "--dir", service.toString(), "--topic", "learning.badge-earned", "--event", "BadgeEarned",
                "--amount", "points", "--field", "eventId:string", "--field", "userId:string", "--field", "points:int");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(pom).content().contains("<!-- mine -->", "learning.course-completed and learning.badge-earned");
    }

    @Test
    void anEditToALineTenetAlsoChangesIsRefusedWithTheLine() throws Exception {
        Path readme = service.resolve("README.md");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(readme));
        lines.set(2, lines.get(2).replace("Learning Progress:", "Learning Progress (owned by team A):"));
        Files.write(readme, lines);
        String edited = Files.readString(readme);

        Cli.Result refused = add();

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("README.md (your lines 3)", "--force");
        assertThat(readme).content().isEqualTo(edited);
        assertThat(service.resolve("pom.xml")).content().doesNotContain("learning.course-completed");
    }

    @Test
    void migrationsAnOlderTenetRenderedWithoutTheRetentionIndexesAreKeptAndTheIndexesComeInTheNewMigration() throws Exception {
        Path v1 = asRenderedByAnOlderTenet("V1__baseline.sql", "CREATE INDEX outbox_batch_shard_id");
        Path v2 = asRenderedByAnOlderTenet("V2__lecture_watched.sql", "CREATE INDEX lecture_watched_consumed_at");
        String appliedV1 = Files.readString(v1);
        String appliedV2 = Files.readString(v2);

        Cli.Result result = add("--force");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("src/main/resources/db/migration/V1__baseline.sql   (kept as it is: it may be applied");
        assertThat(v1).content().isEqualTo(appliedV1);
        assertThat(v2).content().isEqualTo(appliedV2);
        Path v5 = service.resolve("src/main/resources/db/migration/V5__course_completed.sql");
        assertThat(v5).content()
                .contains("CREATE INDEX outbox_batch_shard_id ON outbox_batch (shard, id, message_count);",
                        "CREATE INDEX lecture_watched_consumed_at ON lecture_watched (consumed_at);",
                        "CREATE TABLE course_completed", "CREATE INDEX course_completed_consumed_at");

        Cli.Result next = Cli.run("add", "consumer", "--dir", service.toString(), "--topic", "learning.badge-earned", "--event", "BadgeEarned",
                "--amount", "points", "--field", "eventId:string", "--field", "userId:string", "--field", "points:int");

        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(v1).content().isEqualTo(appliedV1);
        assertThat(service.resolve("src/main/resources/db/migration/V6__badge_earned.sql")).content()
                .doesNotContain("outbox_batch_shard_id", "lecture_watched_consumed_at").contains("CREATE TABLE badge_earned");
    }

    @Test
    void aServiceWhoseBaselineCreatedOneOutboxRowPerMessageGetsTheMoveInTheNewMigrationAndOneLineSayingSo() throws Exception {
        Path v1 = service.resolve("src/main/resources/db/migration/V1__baseline.sql");
        // The baseline Tenet rendered before outbox_batch, as the CDC relay's still is.
        PipelineSpec spec = Scaffolder.recordedSpec(service);
        Files.write(v1, new Scaffolder().plan(spec.withRelay(Relay.DEBEZIUM)).files().get("src/main/resources/db/migration/V1__baseline.sql"));
        assertThat(v1).content().contains("CREATE TABLE outbox_message").doesNotContain("outbox_batch");

        Cli.Result result = add();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsOnlyOnce("The outbox moves to one row per transaction: src/main/resources/db/migration/V5__course_completed.sql"
                + " creates outbox_batch, moves the waiting outbox_message rows into it and drops outbox_message.");
        assertThat(service.resolve("src/main/resources/db/migration/V5__course_completed.sql")).content()
                .contains("ALTER TABLE outbox_message RENAME TO outbox_message_moving", "CREATE TABLE outbox_batch", "DROP TABLE outbox_message_moving",
                        "CREATE TABLE course_completed");
        Cli.Result next = Cli.run("add", "consumer", "--dir", service.toString(), "--topic", "learning.badge-earned", "--event", "BadgeEarned",
                "--amount", "points", "--field", "eventId:string", "--field", "userId:string", "--field", "points:int");
        assertThat(next.out()).doesNotContain("The outbox moves");
        assertThat(service.resolve("src/main/resources/db/migration/V6__badge_earned.sql")).content().doesNotContain("outbox");
    }

    @Test
    void aServiceThatKeptIdsInProcessedEventLosesItsStaleFilesAndItsEventTablesGetTheClaimColumn() throws Exception {
        List<String> tables = List.of("lecture_watched", "quiz_submitted", "attendance_verified");
        for (int i = 0; i < tables.size(); i++) {
            asRenderedByAnOlderTenet("V" + (i + 2) + "__" + tables.get(i) + ".sql", line -> !line.strip().startsWith("claim_token")
                    && !line.strip().startsWith("-- A random number"), line -> line.replace("UTC_TIMESTAMP(6)),", "UTC_TIMESTAMP(6))"));
        }
        List<String> stale = List.of(JAVA + "adapter/out/persistence/JdbcProcessedEvents.java",
                JAVA + "adapter/out/persistence/ProcessedEventsRetention.java", JAVA + "domain/port/ProcessedEvents.java");
        stale.forEach(this::generatedByAnEarlierTenet);

        Cli.Result result = add();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Deleted 3 files this Tenet no longer generates:", "  " + stale.get(0))
                .containsOnlyOnce("Each consumer's events table is now its dedup record: src/main/resources/db/migration/V5__course_completed.sql adds claim_token to"
                        + " lecture_watched, quiz_submitted, attendance_verified. processed_event is no longer written");
        stale.forEach(path -> assertThat(service.resolve(path)).doesNotExist());
        assertThat(service.resolve(".tenet/generated.json")).content().doesNotContain("ProcessedEvents");
        assertThat(service.resolve("src/main/resources/db/migration/V5__course_completed.sql")).content()
                .contains("ALTER TABLE lecture_watched ADD COLUMN claim_token BIGINT NOT NULL DEFAULT 0;",
                        "ALTER TABLE attendance_verified ADD COLUMN claim_token BIGINT NOT NULL DEFAULT 0;")
                .containsOnlyOnce("claim_token BIGINT NOT NULL DEFAULT 0\n)");

        Cli.Result next = Cli.run("add", "consumer", "--dir", service.toString(), "--topic", "learning.badge-earned", "--event", "BadgeEarned",
                "--amount", "points", "--field", "eventId:string", "--field", "userId:string", "--field", "points:int");
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.out()).doesNotContain("dedup record", "Deleted");
        assertThat(service.resolve("src/main/resources/db/migration/V6__badge_earned.sql")).content().doesNotContain("ALTER TABLE");
    }

    @Test
    void aStaleFileTheUserChangedIsDeletedOnlyWithForce() throws Exception {
        String stale = JAVA + "adapter/out/persistence/JdbcProcessedEvents.java";
        generatedByAnEarlierTenet(stale);
        Files.writeString(service.resolve(stale), "// tuned by hand\n", java.nio.file.StandardOpenOption.APPEND);

        Cli.Result refused = add();
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(stale + " (you changed it; this Tenet no longer generates it and would delete it)", "--force");
        assertThat(service.resolve(stale)).content().contains("tuned by hand");

        Cli.Result forced = add("--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains(stale + "   (deleted your change: --force)");
        assertThat(service.resolve(stale)).doesNotExist();
    }

    private static final String JAVA = "src/main/java/com/example/learning/";

    /** Writes a file the service does not have and records it as generated, as by an earlier Tenet that generated it. */
    private void generatedByAnEarlierTenet(String path) {
        try {
            byte[] content = ("package x;\n// " + path + " as an earlier Tenet generated it\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.createDirectories(service.resolve(path).getParent());
            Files.write(service.resolve(path), content);
            GenerationRecord record = GenerationRecord.read(service);
            java.util.Map<String, String> files = new java.util.TreeMap<>(record.files());
            files.put(path, GenerationRecord.sha256(content));
            Files.writeString(service.resolve(GenerationRecord.PATH), new GenerationRecord(record.tenetVersion(), record.rulePack(), files).toJson());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Rewrites a generated migration without its lines starting with {@code dropped}, and records it, as an older Tenet had. */
    private Path asRenderedByAnOlderTenet(String migration, String dropped) throws Exception {
        List<String> lines = Files.readAllLines(service.resolve("src/main/resources/db/migration/" + migration));
        assertThat(lines).anyMatch(line -> line.startsWith(dropped));
        return asRenderedByAnOlderTenet(migration, line -> !line.startsWith(dropped), line -> line);
    }

    /** Rewrites a generated migration with only the lines {@code kept} keeps, each as {@code edit} gives it, and records it. */
    private Path asRenderedByAnOlderTenet(String migration, java.util.function.Predicate<String> kept,
            java.util.function.UnaryOperator<String> edit) throws Exception {
        Path file = service.resolve("src/main/resources/db/migration/" + migration);
        String generatedHash = GenerationRecord.sha256(Files.readAllBytes(file));
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.stream().filter(kept).map(edit).toList());
        Path record = service.resolve(".tenet/generated.json");
        Files.writeString(record, Files.readString(record).replace(generatedHash, GenerationRecord.sha256(Files.readAllBytes(file))));
        return file;
    }

    @Test
    void aUserChangeToAFileTheConsumerDoesNotNeedIsNoObstacle() throws Exception {
        Path yml = service.resolve("src/main/resources/application.yml");
        Files.writeString(yml, Files.readString(yml) + "# mine\n");

        assertThat(add().exitCode()).isZero();
        assertThat(yml).content().endsWith("# mine\n");
    }

    @Test
    void anExistingTopicIsRefused() {
        Cli.Result result = Cli.run("add", "consumer", "--dir", service.toString(), "--topic", "learning.lecture-watched",
                "--event", "Other", "--amount", "minutes", "--field", "eventId:string", "--field", "userId:string", "--field", "minutes:int");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("already consumed by LectureWatched");
    }

    @Test
    void aDirectoryNotGeneratedByTenetIsRefused() {
        Cli.Result result = Cli.run("add", "consumer", "--dir", temp.toString(), "--topic", "t", "--event", "E", "--amount", "a",
                "--field", "a:int");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not a service generated by 'tenet new'");
    }
}
