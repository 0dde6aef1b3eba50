package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet stats} after edit sessions played through {@code tenet hook}, as an agent's assistant would drive it. */
class StatsCommandTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    HookFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new HookFixture(temp);
    }

    private Cli.Result stats(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "stats";
        args[1] = "--cache-dir";
        args[2] = fixture.cache.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.run(args);
    }

    @Test
    void anEditSessionWriteHookFixHookShowsOneCaughtAndOneFixedAtTheNextEdit() throws IOException {
        Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
        Cli.Result caught = fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service));
        fixture.write(HookFixture.SERVICE, HookFixture.OUTBOX);
        Cli.Result fixed = fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service));

        Cli.Result table = stats();
        Cli.Result json = stats("--format", "json");

        assertThat(caught.exitCode()).isEqualTo(2);
        assertThat(caught.err()).contains("pipeline.outbox-dual-write");
        assertThat(fixed).isEqualTo(new Cli.Result(0, "", ""));
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).containsPattern("rule\\s+caught\\s+fixed next edit\\s+fixed later\\s+still open\\s+fix rate")
                .containsPattern("pipeline\\.outbox-dual-write\\s+1\\s+1\\s+0\\s+0\\s+100%")
                .contains("1 caught, 1 fixed at the next edit (100%).");
        JsonNode rule = JSON.readTree(json.out()).get("rules").get(0);
        assertThat(rule.get("rule").asText()).isEqualTo("pipeline.outbox-dual-write");
        assertThat(rule.get("caught").asInt()).isEqualTo(1);
        assertThat(rule.get("fixedNextEdit").asInt()).isEqualTo(1);
        assertThat(rule.get("stillOpen").asInt()).isZero();
        assertThat(rule.get("fixRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aFindingTheNextEditKeepsStaysOpenAndAFixAfterThatCountsAsLater() throws IOException {
        Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
        fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service));
        fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service));

        assertThat(stats().out()).containsPattern("pipeline\\.outbox-dual-write\\s+1\\s+0\\s+0\\s+1\\s+0%");

        fixture.write(HookFixture.SERVICE, HookFixture.OUTBOX);
        fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service));

        assertThat(stats().out()).containsPattern("pipeline\\.outbox-dual-write\\s+1\\s+0\\s+1\\s+0\\s+0%");
    }

    @Test
    void cursorStopsCountToo() throws IOException {
        Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
        fixture.hook("cursor", HookFixture.cursorEdit(fixture.repo, service, "conv-1"));
        fixture.hook("cursor", HookFixture.cursorStop(fixture.repo, "conv-1", "completed", 0));
        fixture.write(HookFixture.SERVICE, HookFixture.OUTBOX);
        fixture.hook("cursor", HookFixture.cursorEdit(fixture.repo, service, "conv-1"));
        fixture.hook("cursor", HookFixture.cursorStop(fixture.repo, "conv-1", "completed", 1));

        assertThat(stats().out()).containsPattern("pipeline\\.outbox-dual-write\\s+1\\s+1\\s+0\\s+0\\s+100%");
    }

    @Test
    void withoutHookDataItSaysSoAndResetForgetsTheCounts() throws IOException {
        assertThat(stats().out()).startsWith("No hook data yet");
        assertThat(JSON.readTree(stats("--format", "json").out()).get("rules")).isEmpty();

        Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
        fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service));
        assertThat(stats().out()).contains("pipeline.outbox-dual-write");

        assertThat(stats("--reset").out()).startsWith("Hook counts reset");
        assertThat(stats().out()).startsWith("No hook data yet");
    }
}
