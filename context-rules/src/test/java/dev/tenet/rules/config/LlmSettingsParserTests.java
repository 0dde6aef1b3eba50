package dev.tenet.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.rules.Severity;
import dev.tenet.rules.TenetInputException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmSettingsParserTests {
    private static final String FILE = ".tenet/config.yml";

    @Test
    void noLlmSectionMeansThePassIsOff() {
        assertThat(LlmSettingsParser.parse("exclude: [\"**/gen/**\"]\n", FILE)).isEmpty();
        assertThat(LlmSettingsParser.parse("", FILE)).isEmpty();
    }

    @Test
    void aMinimalSectionGetsTheDefaults() {
        LlmSettings settings = LlmSettingsParser.parse("llm:\n  provider: openai\n  model: gpt-4o-mini\n", FILE).orElseThrow();

        assertThat(settings.provider()).isEqualTo(LlmSettings.Provider.OPENAI);
        assertThat(settings.model()).isEqualTo("gpt-4o-mini");
        assertThat(settings.baseUrl()).isEmpty();
        assertThat(settings.apiKeyEnv()).contains("OPENAI_API_KEY");
        assertThat(settings.timeout()).isEqualTo(LlmSettings.DEFAULT_TIMEOUT);
        assertThat(settings.tokenBudget()).isEqualTo(LlmSettings.DEFAULT_TOKEN_BUDGET);
        assertThat(settings.maxSeverity()).isEqualTo(Severity.INFO);
    }

    @Test
    void everyKeyIsRead() {
        LlmSettings settings = LlmSettingsParser.parse("""
                llm:
                  provider: anthropic
                  model: claude-sonnet-4-5
                  baseUrl: https://llm.internal.example/v1/
                  apiKeyEnv: TEAM_LLM_KEY
                  timeoutSeconds: 20
                  tokenBudget: 8000
                  maxOutputTokens: 512
                  rulesPerHunk: 3
                  maxSeverity: warning
                """, FILE).orElseThrow();

        assertThat(settings).isEqualTo(new LlmSettings(LlmSettings.Provider.ANTHROPIC, "claude-sonnet-4-5",
                Optional.of("https://llm.internal.example/v1/"), Optional.of("TEAM_LLM_KEY"), Duration.ofSeconds(20), 8000, 512, 3,
                Severity.WARNING, 2));
    }

    @Test
    void ollamaNeedsNoKey() {
        assertThat(LlmSettingsParser.parse("llm:\n  provider: ollama\n  model: qwen2.5-coder\n", FILE).orElseThrow().apiKeyEnv()).isEmpty();
    }

    @Test
    void anUnknownProviderIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("rules: {}\nllm:\n  provider: gemini\n  model: x\n", FILE))
                .isInstanceOf(TenetInputException.class)
                .hasMessage(FILE + ":3: unknown llm provider 'gemini' (expected openai, anthropic or ollama)");
    }

    @Test
    void anUnknownKeyIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("llm:\n  provider: openai\n  model: x\n  apiKey: sk-abc\n", FILE))
                .isInstanceOf(TenetInputException.class)
                .hasMessageStartingWith(FILE + ":4: unknown key 'apiKey' (expected one of: apiKeyEnv, baseUrl,");
    }

    @Test
    void badValuesAreErrorsNamingTheLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("llm:\n  provider: openai\n", FILE))
                .hasMessage(FILE + ":2: missing required key 'model'");
        assertThatThrownBy(() -> ConfigLoader.parse("llm:\n  provider: openai\n  model: x\n  tokenBudget: lots\n", FILE))
                .hasMessage(FILE + ":4: llm tokenBudget must be a positive whole number, not 'lots'");
        assertThatThrownBy(() -> ConfigLoader.parse("llm:\n  provider: openai\n  model: x\n  baseUrl: localhost:8080\n", FILE))
                .hasMessage(FILE + ":4: llm baseUrl 'localhost:8080' is not an http:// or https:// URL");
        assertThatThrownBy(() -> ConfigLoader.parse("llm:\n  provider: openai\n  model: x\n  apiKeyEnv: sk-live-123\n", FILE))
                .hasMessage(FILE + ":4: llm apiKeyEnv must name an environment variable (letters, digits, _), not a key itself");
        assertThatThrownBy(() -> ConfigLoader.parse("llm: on\n", FILE))
                .hasMessage(FILE + ":1: expected 'llm' to be a mapping");
    }
}
