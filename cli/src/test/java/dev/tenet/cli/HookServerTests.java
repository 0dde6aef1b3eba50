package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenet hook} with its background server: the first event starts the server and is answered in
 * process, later events are answered by the server, with the same contract; the server is stopped after each test.
 */
class HookServerTests {
    @TempDir
    Path temp;

    HookFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new HookFixture(temp);
    }

    @AfterEach
    void stopServer() {
        Cli.run("hook", "--stop", "--cache-dir", fixture.cache.toString());
    }

    private Cli.Result hook(String event) {
        return HookFixture.run(event, "hook", "--client", "claude", "--cache-dir", fixture.cache.toString());
    }

    private String status() {
        return Cli.run("hook", "--status", "--cache-dir", fixture.cache.toString()).out();
    }

    private void awaitServer() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!status().startsWith("hook server running") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(status()).startsWith("hook server running");
    }

    @Test
    void theFirstEventStartsTheServerAndLaterEventsAreAnsweredByItWithTheSameFeedback() throws Exception {
        Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
        assertThat(status()).isEqualTo("no hook server running\n");

        Cli.Result inProcess = hook(HookFixture.claudeEdit(fixture.repo, service));
        awaitServer();
        Cli.Result byServer = hook(HookFixture.claudeEdit(fixture.repo, service));

        assertThat(inProcess.exitCode()).isEqualTo(2);
        assertThat(byServer).isEqualTo(inProcess);
        assertThat(byServer.err()).contains("pipeline.outbox-dual-write (error) at " + HookFixture.SERVICE + ":" + HookFixture.DUAL_WRITE_LINE)
                .contains("tenet://rules/pipeline.outbox-dual-write");
        assertThat(status()).contains(", 1 events answered");

        fixture.write(HookFixture.SERVICE, HookFixture.OUTBOX);
        assertThat(hook(HookFixture.claudeEdit(fixture.repo, service))).isEqualTo(new Cli.Result(0, "", ""));
        assertThat(status()).contains(", 2 events answered");
    }

    @Test
    void aFileAddedBetweenTwoEditsIsSeenByTheServer() throws Exception {
        Files.delete(fixture.repo.resolve(HookFixture.REPOSITORY));
        Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
        try (var paths = Files.walk(fixture.repo)) {
            for (Path path : paths.toList()) {
                Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            }
        }
        hook("{}");
        awaitServer();

        Cli.Result withoutRepository = hook(HookFixture.claudeEdit(fixture.repo, service));
        Cli.Result unchanged = hook(HookFixture.claudeEdit(fixture.repo, service));
        fixture.write(HookFixture.REPOSITORY, HookFixture.JPA_REPOSITORY);
        Cli.Result withRepository = hook(HookFixture.claudeEdit(fixture.repo, service));

        assertThat(withoutRepository).isEqualTo(new Cli.Result(0, "", ""));
        assertThat(unchanged).isEqualTo(new Cli.Result(0, "", ""));
        assertThat(withRepository.exitCode()).isEqualTo(2);
        assertThat(withRepository.err()).contains("pipeline.outbox-dual-write (error) at " + HookFixture.SERVICE + ":" + HookFixture.DUAL_WRITE_LINE);
        assertThat(status()).contains(", 3 events answered");
    }

    @Test
    void theServerLogsAMalformedEventAndAnswersWithSilence() throws Exception {
        hook("{\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Write\",\"tool_input\":{}}");
        awaitServer();

        Cli.Result result = hook("not json at all");

        assertThat(result).isEqualTo(new Cli.Result(0, "", ""));
        assertThat(status()).contains(", 1 events answered");
        assertThat(Files.readAllLines(fixture.cache.resolve("hook.log"))).hasSize(2)
                .last().asString().contains("malformed claude event: the event is not JSON");
    }

    @Test
    void theServersSocketAndFolderAreTheOwnersOnly() throws Exception {
        hook("{}");
        awaitServer();

        assertThat(Files.getPosixFilePermissions(fixture.cache.resolve("hook")))
                .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(fixture.cache.resolve("hook/daemon.sock")))
                .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aCacheFolderTooDeepForASocketAnswersEveryEventInProcessWithoutAServer() throws Exception {
        Path deep = temp.resolve("a-cache-folder-whose-path-is-far-too-long-for-a-unix-domain-socket-address-on-linux-or-macos");
        Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);

        Cli.Result first = HookFixture.run(HookFixture.claudeEdit(fixture.repo, service), "hook", "--client", "claude", "--cache-dir", deep.toString());
        Cli.Result second = HookFixture.run(HookFixture.claudeEdit(fixture.repo, service), "hook", "--client", "claude", "--cache-dir", deep.toString());

        assertThat(first.exitCode()).isEqualTo(2);
        assertThat(second).isEqualTo(first);
        assertThat(deep.resolve("hook/daemon.out")).doesNotExist();
        assertThat(Cli.run("hook", "--status", "--cache-dir", deep.toString()).out()).isEqualTo("no hook server running\n");
    }

    @Test
    void aHookOfAnotherTenetBuildIsNotAnsweredAndTheServerMakesWayForANewOne() throws Exception {
        Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
        hook("{}");
        awaitServer();
        dev.tenet.cli.hook.HookRequest otherBuild = new dev.tenet.cli.hook.HookRequest("claude", "warning", 5, 3,
                fixture.repo.toString(), "", "0.0.1|another-build",
                HookFixture.claudeEdit(fixture.repo, service).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var answer = new dev.tenet.cli.hook.HookDaemon(fixture.cache).exchange(otherBuild, Duration.ofSeconds(30));

        assertThat(answer).isEmpty();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!status().equals("no hook server running\n") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(status()).isEqualTo("no hook server running\n");
    }

    @Test
    void stopEndsTheServer() throws Exception {
        hook("{}");
        awaitServer();

        assertThat(Cli.run("hook", "--stop", "--cache-dir", fixture.cache.toString()).out()).contains("stopped");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Files.exists(fixture.cache.resolve("hook/daemon.sock")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(status()).isEqualTo("no hook server running\n");
    }
}
