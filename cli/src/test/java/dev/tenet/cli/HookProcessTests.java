package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook as the launcher runs it, a process of its own ({@link HookMain}) with the event on its real stdin,
 * and {@code tenet stats} from the command's {@code main}: what reaches the process's stdout and stderr.
 */
class HookProcessTests {
    @TempDir
    Path temp;

    HookFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new HookFixture(temp);
    }

    record Run(int exitCode, String out, String err) {
    }

    private Run java(String stdin, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out.get(), StandardCharsets.UTF_8), new String(err.get(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anEditSessionThroughTheHookProcessThenStatsFromMain() throws Exception {
        Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
        String cache = fixture.cache.toString();

        Run caught = java(HookFixture.claudeEdit(fixture.repo, service), HookMain.class, "--client", "claude", "--no-server", "--cache-dir", cache);
        fixture.write(HookFixture.SERVICE, HookFixture.OUTBOX);
        Run fixed = java(HookFixture.claudeEdit(fixture.repo, service), HookMain.class, "--client", "claude", "--no-server", "--cache-dir", cache);
        Run stats = java("", TenetCommand.class, "stats", "--cache-dir", cache);

        assertThat(caught.exitCode()).isEqualTo(2);
        assertThat(caught.out()).isEmpty();
        assertThat(caught.err()).startsWith("Tenet found 1 problem in the code just written (" + HookFixture.SERVICE + ")")
                .contains("pipeline.outbox-dual-write (error) at " + HookFixture.SERVICE + ":" + HookFixture.DUAL_WRITE_LINE)
                .contains("Rule: tenet://rules/pipeline.outbox-dual-write");
        assertThat(fixed).isEqualTo(new Run(0, "", ""));
        assertThat(stats.exitCode()).isZero();
        assertThat(stats.out()).containsPattern("pipeline\\.outbox-dual-write\\s+1\\s+1\\s+0\\s+0\\s+100%");
    }

    @Test
    void aCursorStopPrintsItsJsonOnStdoutAndAMalformedEventPrintsNothing() throws Exception {
        Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
        String cache = fixture.cache.toString();

        Run edit = java(HookFixture.cursorEdit(fixture.repo, service, "c1"), HookMain.class, "--client", "cursor", "--no-server", "--cache-dir", cache);
        Run stop = java(HookFixture.cursorStop(fixture.repo, "c1", "completed", 0), HookMain.class, "--client", "cursor", "--no-server", "--cache-dir", cache);
        Run malformed = java("{oops", HookMain.class, "--client", "cursor", "--no-server", "--cache-dir", cache);

        assertThat(edit).isEqualTo(new Run(0, "{}\n", ""));
        assertThat(stop.exitCode()).isZero();
        assertThat(stop.err()).isEmpty();
        assertThat(stop.out()).startsWith("{\"followup_message\":\"Tenet found 1 problem").contains("pipeline.outbox-dual-write");
        assertThat(malformed).isEqualTo(new Run(0, "", ""));
    }

    @Test
    void aCheckOverTheTimeBudgetIsLoggedAndAnsweredWithSilence() throws Exception {
        StringBuilder huge = new StringBuilder("package com.acme.payments.application;\n\npublic class Generated {\n");
        for (int i = 0; huge.length() < 3_500_000; i++) {
            huge.append("    public int method").append(i).append("(int a, int b) { return a * ").append(i).append(" + b - a / (b + 1); }\n");
        }
        Path generated = fixture.write("src/main/java/com/acme/payments/application/Generated.java", huge.append("}\n").toString());

        Run result = java(HookFixture.claudeEdit(fixture.repo, generated), HookMain.class,
                "--client", "claude", "--no-server", "--timeout", "1", "--cache-dir", fixture.cache.toString());

        assertThat(result).isEqualTo(new Run(0, "", ""));
        assertThat(java.nio.file.Files.readString(fixture.cache.resolve("hook.log")))
                .contains("timeout (claude): the check took longer than 1 s");
    }

    @Test
    void optionsTheFastPathDoesNotKnowGoThroughTheFullCommand() throws Exception {
        Run help = java("", HookMain.class, "--help");
        Run badLevel = java("{}", HookMain.class, "--client", "claude", "--fail-on", "sometimes");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: hook").contains("--client=CLIENT").contains("--fail-on=LEVEL");
        assertThat(badLevel.exitCode()).isEqualTo(2);
        assertThat(badLevel.err()).contains("Invalid --fail-on 'sometimes' (expected error, warning or info)");
    }
}
