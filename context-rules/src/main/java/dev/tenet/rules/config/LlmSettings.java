package dev.tenet.rules.config;

import dev.tenet.rules.Severity;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The optional LLM review pass, as the {@code llm:} section of {@code .tenet/config.yml} sets it. Without
 * that section the pass is off and nothing calls the network.
 *
 * @param provider        which API the model speaks
 * @param model           the model name the provider knows
 * @param baseUrl         the API's base URL; empty for the provider's public endpoint (Ollama: {@code http://localhost:11434})
 * @param apiKeyEnv       the environment variable holding the API key; empty when the provider needs none
 * @param timeout         the longest one call to the model may take
 * @param tokenBudget     the most tokens (prompt and answer) one review may spend
 * @param maxOutputTokens the most tokens one answer may take
 * @param rulesPerHunk    the most rules sent with one hunk
 * @param maxSeverity     the highest severity an LLM finding gets (a rule's own severity above it is lowered to it)
 * @param line            the config line the section starts on
 */
public record LlmSettings(Provider provider, String model, Optional<String> baseUrl, Optional<String> apiKeyEnv, Duration timeout,
                          int tokenBudget, int maxOutputTokens, int rulesPerHunk, Severity maxSeverity, int line) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_TOKEN_BUDGET = 50_000;
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 1_024;
    public static final int DEFAULT_RULES_PER_HUNK = 5;
    /** A model's judgement is shown, but does not fail a review unless the team raises this. */
    public static final Severity DEFAULT_MAX_SEVERITY = Severity.INFO;

    /** The chat APIs the pass can talk to. */
    public enum Provider {
        /** OpenAI's chat completions, or any server speaking that API at {@code baseUrl}. */
        OPENAI("openai", "OPENAI_API_KEY"),
        /** Anthropic's messages API. */
        ANTHROPIC("anthropic", "ANTHROPIC_API_KEY"),
        /** Ollama's {@code /api/chat}; needs no key. */
        OLLAMA("ollama", null);

        private final String key;
        private final String defaultKeyEnv;

        Provider(String key, String defaultKeyEnv) {
            this.key = key;
            this.defaultKeyEnv = defaultKeyEnv;
        }

        public String key() {
            return key;
        }

        public Optional<String> defaultKeyEnv() {
            return Optional.ofNullable(defaultKeyEnv);
        }

        public static Optional<Provider> fromKey(String text) {
            for (Provider provider : values()) {
                if (provider.key.equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(provider);
                }
            }
            return Optional.empty();
        }
    }

    public LlmSettings {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("an LLM model needs a name");
        }
        if (tokenBudget < 1 || maxOutputTokens < 1 || rulesPerHunk < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("LLM limits must be positive");
        }
    }
}
