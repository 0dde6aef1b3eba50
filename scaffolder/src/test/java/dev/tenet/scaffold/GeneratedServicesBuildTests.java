package dev.tenet.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.scaffold.spec.ConsumerSpec;
import dev.tenet.scaffold.spec.Database;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.Relay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: generated services build and pass their own tests ({@code ./mvnw -B verify}) against
 * the machine's MariaDB and PostgreSQL and an embedded KRaft broker. The MySQL one is the sample
 * grown by {@code add consumer}; on PostgreSQL, the sample itself (database idempotency) and a service
 * with every optional feature (Redis idempotency, Redis cache, partner client); the sample with the Debezium (CDC) relay
 * on PostgreSQL (needs {@code wal_level=logical}) and on MariaDB (needs the row-based binlog); and the sample with no database to
 * reach, as on a machine with only Java. Skipped with {@code -Dtenet.e2e=false}.
 */
@EnabledIfSystemProperty(named = "tenet.e2e", matches = "true")
class GeneratedServicesBuildTests {
    private static final long BUILD_TIMEOUT_MINUTES = 8;

    @Test
    void theSampleWithAnAddedConsumerBuildsAndPassesItsTestsOnMariaDb(@TempDir Path temp) throws Exception {
        Path service = temp.resolve("learning-progress");
        PipelineSpec spec = SampleRegenerationTests.sampleSpec();
        Scaffolder scaffolder = new Scaffolder();
        scaffolder.generate(spec, service);
        ConsumerSpec added = CourseCompletedConsumer.addedTo(spec);
        scaffolder.addConsumer(service, added, false, false);

        assertThat(GeneratedCodePassesTenetCheckTests.findings(service)).isEmpty();
        verify(service);
    }

    @Test
    void theSampleBuildsAndPassesItsTestsOnPostgres(@TempDir Path temp) throws Exception {
        Path service = temp.resolve("learning-progress-pg");
        new Scaffolder().generate(SampleRegenerationTests.sampleSpec().withDatabase(Database.POSTGRES), service);
        verify(service);
    }

    @Test
    void theSampleWithTheCdcRelayBuildsAndPassesItsTestsOnPostgres(@TempDir Path temp) throws Exception {
        // Its tests need a PostgreSQL with logical decoding; on a machine with only Java the others show the skip.
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", 5432), 2_000);
        } catch (IOException e) {
            Assumptions.abort("no PostgreSQL at 127.0.0.1:5432 for the CDC relay's tests: " + e.getMessage());
        }
        Path service = temp.resolve("learning-progress-cdc");
        new Scaffolder().generate(SampleRegenerationTests.sampleSpec().withDatabase(Database.POSTGRES).withRelay(Relay.DEBEZIUM), service);

        List<String> log = verify(service);

        log.stream().filter(l -> l.startsWith("Integration tests skipped:")).findFirst().ifPresent(Assumptions::abort);
        assertThat(log).anyMatch(l -> l.contains("Tests run:") && l.contains("CdcOutboxRelayTests") && l.contains("Failures: 0, Errors: 0, Skipped: 0"));
    }

    @Test
    void theSampleWithTheCdcRelayBuildsAndPassesItsTestsOnMariaDb(@TempDir Path temp) throws Exception {
        // Its tests need a MariaDB with the row-based binlog (.ci/mariadb-binlog); without one they skip and say why.
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", 3306), 2_000);
        } catch (IOException e) {
            Assumptions.abort("no MariaDB at 127.0.0.1:3306 for the CDC relay's tests: " + e.getMessage());
        }
        Path service = temp.resolve("learning-progress-cdc-mariadb");
        new Scaffolder().generate(SampleRegenerationTests.sampleSpec().withDatabase(Database.MYSQL).withRelay(Relay.DEBEZIUM), service);

        List<String> log = verify(service);

        log.stream().filter(l -> l.startsWith("Integration tests skipped:")).findFirst().ifPresent(Assumptions::abort);
        assertThat(log).anyMatch(l -> l.contains("Tests run:") && l.contains("CdcOutboxRelayTests") && l.contains("Failures: 0, Errors: 0, Skipped: 0"));
    }

    @Test
    void aFullFeaturedServiceBuildsAndPassesItsTestsOnPostgres(@TempDir Path temp) throws Exception {
        Path service = temp.resolve("course-ledger");
        new Scaffolder().generate(Specs.fullFeatured(), service);
        verify(service);
    }

    @Test
    void withNoDatabaseTheSampleStillBuildsAndSaysWhichTestsItSkippedAndWhy(@TempDir Path temp) throws Exception {
        Path service = temp.resolve("learning-progress-no-db");
        new Scaffolder().generate(SampleRegenerationTests.sampleSpec(), service);

        // Port 9 has no database: as on a machine with only Java.
        List<String> log = verify(service, Map.of("TEST_DB_URL", "jdbc:mariadb://127.0.0.1:9/test"));

        assertThat(log).anyMatch(l -> l.startsWith("Integration tests skipped: no MariaDB/MySQL at jdbc:mariadb://127.0.0.1:9/test")
                && l.contains("Connection refused"));
        assertThat(log).anyMatch(l -> l.matches(".*Tests run: \\d+, Failures: 0, Errors: 0, Skipped: [1-9]\\d*$"));
        assertThat(log).anyMatch(l -> l.contains("Tests run:") && l.contains("StartupConfigurationTests") && l.contains("Skipped: 0"));
    }

    private static List<String> verify(Path service) throws IOException, InterruptedException {
        return verify(service, Map.of());
    }

    private static List<String> verify(Path service, Map<String, String> environment) throws IOException, InterruptedException {
        Path log = service.resolve("build.log");
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(service.resolve("mvnw").toString(), "-B", "verify")
                .directory(service.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log);
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        assertThat(finished).as("the build of " + service.getFileName() + " finished within " + BUILD_TIMEOUT_MINUTES + " minutes:\n" + tail).isTrue();
        assertThat(process.exitValue()).as("./mvnw -B verify of " + service.getFileName() + ":\n" + tail).isZero();
        assertThat(lines).anyMatch(l -> l.contains("Tests run:") && l.contains("Failures: 0, Errors: 0"));
        System.out.printf("e2e: %s built and tested in %d s%n", service.getFileName(), (System.nanoTime() - started) / 1_000_000_000L);
        return lines;
    }
}
