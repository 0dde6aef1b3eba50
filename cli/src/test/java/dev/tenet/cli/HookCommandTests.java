package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenet hook} answering the events Claude Code and Cursor send, in this process ({@code --no-server}),
 * asserting what the assistant shows its model: exit code, stdout and stderr.
 */
class HookCommandTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    HookFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new HookFixture(temp);
    }

    @Nested
    class ClaudeCode {
        @Test
        void aViolatingEditExitsTwoWithTheRuleTheLineTheFixAndTheRuleLinkOnStderr() throws IOException {
            Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);

            Cli.Result result = fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service));

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.err())
                    .contains("pipeline.outbox-dual-write (error) at " + HookFixture.SERVICE + ":" + HookFixture.DUAL_WRITE_LINE)
                    .contains("This call publishes to Kafka (kafkaTemplate.send()) inside the transaction of @Transactional PaymentService#complete")
                    .contains("Fix: Write the event to an outbox table in the same transaction")
                    .contains("Rule: tenet://rules/pipeline.outbox-dual-write")
                    .doesNotContain("layering.outbound-through-ports");
        }

        @Test
        void theFixedFileGetsSilence() throws IOException {
            Path service = fixture.write(HookFixture.SERVICE, HookFixture.OUTBOX);

            Cli.Result result = fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service));

            assertThat(result).isEqualTo(new Cli.Result(0, "", ""));
        }

        @Test
        void aFindingAcceptedInTheBaselineGetsSilence() throws IOException {
            Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
            assertThat(Cli.run("baseline", fixture.repo.toString(), "--no-cache").exitCode()).isZero();

            Cli.Result result = fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service));

            assertThat(result).isEqualTo(new Cli.Result(0, "", ""));
        }

        @Test
        void failOnInfoAddsLesserFindingsMostSevereFirstAndMaxFindingsCutsTheRestToACount() throws IOException {
            Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);

            Cli.Result all = fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service), "--fail-on", "info");
            Cli.Result one = fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service), "--fail-on", "info", "--max-findings", "1");

            assertThat(all.exitCode()).isEqualTo(2);
            assertThat(all.err()).startsWith("Tenet found 2 problems in the code just written (" + HookFixture.SERVICE + ")");
            assertThat(all.err().indexOf("pipeline.outbox-dual-write (error)"))
                    .isLessThan(all.err().indexOf("layering.outbound-through-ports (info) at " + HookFixture.SERVICE + ":13"));
            assertThat(one.err()).contains("pipeline.outbox-dual-write (error)").doesNotContain("layering.outbound-through-ports (info)")
                    .contains("...and 1 more (tenet check " + HookFixture.SERVICE + " lists them all)");
        }

        @Test
        void aNonJavaFileAFileOutsideTheWorkspaceAndADeletedFileGetSilence() throws IOException {
            Path readme = fixture.write("README.md", "# Payments\n");
            Path elsewhere = Files.createDirectories(temp.resolve("other")).resolve("PaymentService.java");
            Files.writeString(elsewhere, HookFixture.DUAL_WRITE);
            Path gone = fixture.repo.resolve("src/main/java/com/acme/payments/application/Gone.java");

            assertThat(fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, readme))).isEqualTo(new Cli.Result(0, "", ""));
            assertThat(fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, elsewhere))).isEqualTo(new Cli.Result(0, "", ""));
            assertThat(fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, gone))).isEqualTo(new Cli.Result(0, "", ""));
            assertThat(fixture.cache.resolve("hook.log")).doesNotExist();
        }

        @Test
        void anEventOfAnotherToolGetsSilence() throws IOException {
            String bash = """
                    {"session_id":"abc123","cwd":"%s","hook_event_name":"PostToolUse","tool_name":"Bash",
                     "tool_input":{"command":"ls"},"tool_response":{"stdout":""}}
                    """.formatted(fixture.repo);

            assertThat(fixture.hook("claude", bash)).isEqualTo(new Cli.Result(0, "", ""));
        }

        @Test
        void aRelativeFilePathIsTakenFromTheEventsWorkingDirectory() throws IOException {
            fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);

            Cli.Result result = fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, Path.of(HookFixture.SERVICE)));

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains(HookFixture.SERVICE + ":" + HookFixture.DUAL_WRITE_LINE);
        }
    }

    @Nested
    class Cursor {
        @Test
        void afterFileEditRecordsTheFileAndStopAsksTheAgentToFixItOnce() throws IOException {
            Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);

            Cli.Result edit = fixture.hook("cursor", HookFixture.cursorEdit(fixture.repo, service, "conv-1"));
            Cli.Result stop = fixture.hook("cursor", HookFixture.cursorStop(fixture.repo, "conv-1", "completed", 0));
            Cli.Result stopAgain = fixture.hook("cursor", HookFixture.cursorStop(fixture.repo, "conv-1", "completed", 1));

            assertThat(edit).isEqualTo(new Cli.Result(0, "{}\n", ""));
            assertThat(stop.exitCode()).isZero();
            assertThat(stop.err()).isEmpty();
            JsonNode answer = JSON.readTree(stop.out());
            assertThat(answer.fieldNames()).toIterable().containsExactly("followup_message");
            assertThat(answer.get("followup_message").asText())
                    .contains("pipeline.outbox-dual-write (error) at " + HookFixture.SERVICE + ":" + HookFixture.DUAL_WRITE_LINE)
                    .contains("Fix: Write the event to an outbox table")
                    .contains("tenet://rules/pipeline.outbox-dual-write");
            assertThat(stopAgain).isEqualTo(new Cli.Result(0, "{}\n", ""));
        }

        @Test
        void stopOfAFixedFileLetsTheAgentStop() throws IOException {
            Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
            fixture.hook("cursor", HookFixture.cursorEdit(fixture.repo, service, "conv-2"));
            fixture.write(HookFixture.SERVICE, HookFixture.OUTBOX);
            fixture.hook("cursor", HookFixture.cursorEdit(fixture.repo, service, "conv-2"));

            assertThat(fixture.hook("cursor", HookFixture.cursorStop(fixture.repo, "conv-2", "completed", 0)))
                    .isEqualTo(new Cli.Result(0, "{}\n", ""));
        }

        @Test
        void stopAtTheLoopLimitOrAfterAnAbortAsksForNothing() throws IOException {
            Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
            fixture.hook("cursor", HookFixture.cursorEdit(fixture.repo, service, "conv-3"));
            Cli.Result atLimit = fixture.hook("cursor", HookFixture.cursorStop(fixture.repo, "conv-3", "completed", 3));
            fixture.hook("cursor", HookFixture.cursorEdit(fixture.repo, service, "conv-4"));
            Cli.Result aborted = fixture.hook("cursor", HookFixture.cursorStop(fixture.repo, "conv-4", "aborted", 0));

            assertThat(atLimit).isEqualTo(new Cli.Result(0, "{}\n", ""));
            assertThat(aborted).isEqualTo(new Cli.Result(0, "{}\n", ""));
        }

        @Test
        void conversationsKeepTheirOwnEdits() throws IOException {
            Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
            fixture.hook("cursor", HookFixture.cursorEdit(fixture.repo, service, "conv-5"));

            assertThat(fixture.hook("cursor", HookFixture.cursorStop(fixture.repo, "conv-6", "completed", 0)).out()).isEqualTo("{}\n");
            assertThat(fixture.hook("cursor", HookFixture.cursorStop(fixture.repo, "conv-5", "completed", 0)).out()).contains("followup_message");
        }
    }

    @Nested
    class NeverWedgesTheAgent {
        @Test
        void aMalformedPayloadExitsZeroSilentlyAndLeavesALogLine() throws IOException {
            Cli.Result notJson = fixture.hook("claude", "{\"hook_event_name\": \"PostToolUse\", \"tool_name\": ");
            Cli.Result noFile = fixture.hook("claude", "{\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Write\",\"tool_input\":{}}");
            Cli.Result cursorArray = fixture.hook("cursor", "[1, 2]");

            assertThat(notJson).isEqualTo(new Cli.Result(0, "", ""));
            assertThat(noFile).isEqualTo(new Cli.Result(0, "", ""));
            assertThat(cursorArray).isEqualTo(new Cli.Result(0, "", ""));
            assertThat(Files.readAllLines(fixture.cache.resolve("hook.log"))).satisfiesExactly(
                    line -> assertThat(line).contains("malformed claude event: the event is not JSON"),
                    line -> assertThat(line).contains("malformed claude event: PostToolUse of Write without tool_input.file_path"),
                    line -> assertThat(line).contains("malformed cursor event: the event is not a JSON object"));
        }

        @Test
        void anUnknownEventIsLoggedAndAnsweredWithSilence() throws IOException {
            Cli.Result result = fixture.hook("claude", "{\"hook_event_name\":\"SomethingNew\",\"session_id\":\"abc\"}");

            assertThat(result).isEqualTo(new Cli.Result(0, "", ""));
            assertThat(Files.readString(fixture.cache.resolve("hook.log"))).contains("ignored Claude Code event 'SomethingNew'");
        }

        @Test
        void aBrokenRepositoryConfigurationIsLoggedNotShown() throws IOException {
            Path service = fixture.write(HookFixture.SERVICE, HookFixture.DUAL_WRITE);
            fixture.write(".tenet/config.yml", "rules: [not, a, map\n");

            Cli.Result result = fixture.hook("claude", HookFixture.claudeEdit(fixture.repo, service));

            assertThat(result).isEqualTo(new Cli.Result(0, "", ""));
            assertThat(Files.readString(fixture.cache.resolve("hook.log"))).contains("could not check (claude)").contains("config.yml");
        }

        @Test
        void aMissingClientIsAUsageErrorOfTheHookCommandItself() {
            Cli.Result result = HookFixture.run("{}", "hook", "--no-server", "--cache-dir", fixture.cache.toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("Missing required option: '--client=CLIENT'");
        }
    }
}
