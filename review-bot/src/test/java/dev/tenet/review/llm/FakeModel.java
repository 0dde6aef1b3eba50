package dev.tenet.review.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tenet.rules.config.LlmSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * A local server speaking one provider's chat API (OpenAI chat completions, Anthropic messages, Ollama
 * {@code /api/chat}) with scripted answers, one per call in order; what Tenet sent is read back from the journal.
 */
public final class FakeModel implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** The provider the server pretends to be. */
    public enum Api {
        OPENAI("/v1/chat/completions"), ANTHROPIC("/v1/messages"), OLLAMA("/api/chat");

        final String path;

        Api(String path) {
            this.path = path;
        }
    }

    public final WireMockServer server;
    public final Api api;
    private int scripted;

    public FakeModel(Api api) {
        this.api = api;
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
    }

    /** The base URL to put in {@code .tenet/config.yml}. */
    public String baseUrl() {
        String root = "http://127.0.0.1:" + server.port();
        return switch (api) {
            case OPENAI -> root + "/v1";
            case ANTHROPIC -> root + "/v1/";
            case OLLAMA -> root;
        };
    }

    /** The next call gets {@code content} as the model's text, with this token usage. */
    public FakeModel answers(String content, int inputTokens, int outputTokens) {
        return answersAfter(content, inputTokens, outputTokens, 0);
    }

    /** As {@link #answers}, after {@code delayMillis}. */
    public FakeModel answersAfter(String content, int inputTokens, int outputTokens, int delayMillis) {
        String state = scripted == 0 ? Scenario.STARTED : "call " + scripted;
        scripted++;
        server.stubFor(post(urlPathEqualTo(api.path)).inScenario("calls").whenScenarioStateIs(state).willSetStateTo("call " + scripted)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withFixedDelay(delayMillis)
                        .withBody(body(content, inputTokens, outputTokens))));
        return this;
    }

    /** An answer of findings, as JSON text the way the schema asks for it. */
    public static String findings(Object... ruleLineMessage) {
        StringBuilder out = new StringBuilder("{\"findings\":[");
        for (int i = 0; i < ruleLineMessage.length; i += 3) {
            ObjectNode item = JSON.createObjectNode();
            item.put("ruleId", (String) ruleLineMessage[i]);
            item.put("line", (Integer) ruleLineMessage[i + 1]);
            item.put("message", (String) ruleLineMessage[i + 2]);
            item.put("suggestion", "Follow the rule.");
            out.append(i > 0 ? "," : "").append(item);
        }
        return out.append("]}").toString();
    }

    /** The bodies of the chat requests received, in order. */
    public List<JsonNode> requests() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (var request : server.findAll(postRequestedFor(urlPathEqualTo(api.path)))) {
            bodies.add(JSON.readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    /** Every request body received, as text. */
    public String everythingReceived() {
        StringBuilder out = new StringBuilder();
        server.getAllServeEvents().forEach(event -> out.append(event.getRequest().getBodyAsString()).append('\n'));
        return out.toString();
    }

    /** The system text and the user text of one request, whatever the provider's shape. */
    public String systemText(JsonNode request) {
        return switch (api) {
            case ANTHROPIC -> request.path("system").isArray() ? request.path("system").get(0).path("text").asText()
                    : request.path("system").asText();
            default -> request.path("messages").get(0).path("content").asText();
        };
    }

    public String userText(JsonNode request) {
        JsonNode messages = request.path("messages");
        JsonNode last = messages.get(messages.size() - 1).path("content");
        return last.isArray() ? last.get(0).path("text").asText() : last.asText();
    }

    public LlmSettings settings(int timeoutSeconds, int tokenBudget) {
        LlmSettings.Provider provider = switch (api) {
            case OPENAI -> LlmSettings.Provider.OPENAI;
            case ANTHROPIC -> LlmSettings.Provider.ANTHROPIC;
            case OLLAMA -> LlmSettings.Provider.OLLAMA;
        };
        return new LlmSettings(provider, "test-model", java.util.Optional.of(baseUrl()), provider.defaultKeyEnv(),
                java.time.Duration.ofSeconds(timeoutSeconds), tokenBudget, 200, 5, dev.tenet.rules.Severity.WARNING, 1);
    }

    private String body(String content, int in, int out) {
        ObjectNode body = JSON.createObjectNode();
        switch (api) {
            case OPENAI -> {
                body.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1_700_000_000).put("model", "test-model");
                ObjectNode choice = body.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", content);
                body.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
            }
            case ANTHROPIC -> {
                body.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", "test-model")
                        .put("stop_reason", "end_turn");
                body.putArray("content").addObject().put("type", "text").put("text", content);
                body.putObject("usage").put("input_tokens", in).put("output_tokens", out);
            }
            case OLLAMA -> {
                body.put("model", "test-model").put("created_at", "2026-12-01T00:00:00Z").put("done", true)
                        .put("done_reason", "stop").put("prompt_eval_count", in).put("eval_count", out);
                body.putObject("message").put("role", "assistant").put("content", content);
            }
        }
        return body.toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
