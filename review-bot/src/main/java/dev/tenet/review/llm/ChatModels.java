package dev.tenet.review.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.tenet.rules.config.LlmSettings;
import java.util.Map;

/**
 * Builds the langchain4j chat model the settings name. The API key is read from the environment variable
 * the settings name and goes nowhere but the provider's client; requests and responses are never logged.
 * No retries: a failed or slow call ends the pass, and the deterministic review goes on.
 */
final class ChatModels {
    private ChatModels() {
    }

    /** Thrown when the key's environment variable is not set. */
    static final class MissingKeyException extends Exception {
        MissingKeyException(String variable) {
            super("environment variable " + variable + " is not set");
        }
    }

    static ChatModel create(LlmSettings settings, Map<String, String> env) throws MissingKeyException {
        String key = null;
        if (settings.apiKeyEnv().isPresent()) {
            key = env.get(settings.apiKeyEnv().get());
            if (key == null || key.isBlank()) {
                throw new MissingKeyException(settings.apiKeyEnv().get());
            }
        }
        return switch (settings.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(settings.baseUrl().orElse(null))
                    .apiKey(key)
                    .modelName(settings.model())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .strictJsonSchema(true)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .baseUrl(settings.baseUrl().orElse(null))
                    .apiKey(key)
                    .modelName(settings.model())
                    .maxTokens(settings.maxOutputTokens())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(settings.baseUrl().orElse("http://localhost:11434"))
                    .modelName(settings.model())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }
}
