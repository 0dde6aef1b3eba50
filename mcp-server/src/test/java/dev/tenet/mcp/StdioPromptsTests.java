package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow prompts, fetched by the SDK's client over stdio. */
class StdioPromptsTests {
    @TempDir
    static Path temp;
    static McpSyncClient client;

    @BeforeAll
    static void start() throws Exception {
        client = McpClients.stdio(Fixtures.workspace(Files.createDirectories(temp.resolve("ws"))), temp.resolve("cache"));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void listsTheFourWorkflowPromptsWithTheirArguments() {
        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name)
                .containsExactlyInAnyOrder("tech-spec", "add-kafka-consumer", "review-my-change", "explain-rule");
        assertThat(client.listPrompts().prompts()).filteredOn(p -> p.name().equals("tech-spec")).singleElement()
                .extracting(McpSchema.Prompt::arguments).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(McpSchema.PromptArgument.class)).extracting(McpSchema.PromptArgument::name, McpSchema.PromptArgument::required)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("topic", true), org.assertj.core.groups.Tuple.tuple("context", false));
    }

    @Test
    void techSpecAsksForNumbersTradeOffsRolloutAndAnABMeasure() {
        String text = prompt("tech-spec", Map.of("topic", "move the progress batch to a real-time consumer"));

        assertThat(text).startsWith("Write a tech spec for: move the progress batch to a real-time consumer")
                .contains("Current state, in numbers", "distributed transactions", "network cost", "Rollout and rollback", "A/B")
                .contains("none given");
    }

    @Test
    void addKafkaConsumerFillsInTheTopicAndDefaultsTheRest() {
        String text = prompt("add-kafka-consumer", Map.of("topic", "learning.sessions", "key", "userId"));

        assertThat(text).contains("topic `learning.sessions`", "message key: userId", "the service in this workspace",
                "pipeline.listener-not-idempotent", "check_code");
    }

    @Test
    void reviewMyChangeNamesTheBaseWhenGiven() {
        assertThat(prompt("review-my-change", Map.of("base", "origin/main"))).startsWith("Review my change against `origin/main`")
                .contains("`review_changes` with `base: origin/main`");
        assertThat(prompt("review-my-change", Map.of())).contains("against its base (the upstream branch, else HEAD)");
    }

    @Test
    void explainRuleEmbedsTheRuleAndItsIdCompletes() {
        String text = prompt("explain-rule", Map.of("id", "team.money-as-minor-units"));
        McpSchema.CompleteResult completion = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("explain-rule"), new McpSchema.CompleteRequest.CompleteArgument("id", "team.")));

        assertThat(text).contains("`team.money-as-minor-units`", "Doubles round");
        assertThat(completion.completion().values()).containsExactly("team.money-as-minor-units");
    }

    @Test
    void aMissingRequiredArgumentOrUnknownRuleIsAnInvalidParamsError() {
        assertThatThrownBy(() -> prompt("tech-spec", Map.of())).isInstanceOfSatisfying(McpError.class,
                e -> assertThat(e.getJsonRpcError().message()).contains("needs the argument 'topic'"));
        assertThatThrownBy(() -> prompt("explain-rule", Map.of("id", "no.such-rule"))).isInstanceOfSatisfying(McpError.class,
                e -> assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
    }

    private static String prompt(String name, Map<String, Object> arguments) {
        McpSchema.GetPromptResult result = client.getPrompt(new McpSchema.GetPromptRequest(name, arguments));
        assertThat(result.messages()).singleElement().satisfies(m -> assertThat(m.role()).isEqualTo(McpSchema.Role.USER));
        return ((McpSchema.TextContent) result.messages().get(0).content()).text();
    }
}
