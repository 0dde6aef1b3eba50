package dev.tenet.rules.config;

import dev.tenet.rules.Severity;
import dev.tenet.rules.TenetInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code llm:} section of {@code .tenet/config.yml}; every mistake is an error naming the file and line. */
public final class LlmSettingsParser {
    static final String KEY = "llm";
    private static final Set<String> KEYS = Set.of("provider", "model", "baseUrl", "apiKeyEnv", "timeoutSeconds", "tokenBudget",
            "maxOutputTokens", "rulesPerHunk", "maxSeverity");

    private LlmSettingsParser() {
    }

    /** The repository's LLM settings; empty when it has no config or the config has no {@code llm:} section. */
    public static Optional<LlmSettings> load(Path root) {
        Path file = root.resolve(ConfigLoader.CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return parse(Files.readString(file), ConfigLoader.CONFIG_FILE);
        } catch (java.io.IOException e) {
            throw new TenetInputException(ConfigLoader.CONFIG_FILE, 0, "cannot read: " + e.getMessage());
        }
    }

    /** The {@code llm:} section of a whole config text. */
    public static Optional<LlmSettings> parse(String yaml, String file) {
        MappingNode root = YamlNodes.parseMapping(yaml, file, 1);
        if (root == null) {
            return Optional.empty();
        }
        Node section = root.getValue().stream().filter(t -> t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode s
                && KEY.equals(s.getValue())).map(org.yaml.snakeyaml.nodes.NodeTuple::getValueNode).findFirst().orElse(null);
        return section(section, file);
    }

    /** The settings of one {@code llm:} node ({@code null}: none). */
    static Optional<LlmSettings> section(Node node, String file) {
        if (node == null) {
            return Optional.empty();
        }
        MappingNode mapping = YamlNodes.mapping(node, KEY, file, 1);
        Map<String, Node> fields = YamlNodes.fields(mapping, file, 1, KEYS);
        String providerText = YamlNodes.requiredString(fields, "provider", node, file, 1);
        LlmSettings.Provider provider = LlmSettings.Provider.fromKey(providerText).orElseThrow(() -> new TenetInputException(file,
                YamlNodes.line(fields.get("provider"), 1), "unknown llm provider '" + providerText + "' (expected openai, anthropic or ollama)"));
        String model = YamlNodes.requiredString(fields, "model", node, file, 1);
        Optional<String> baseUrl = Optional.ofNullable(YamlNodes.optionalString(fields, "baseUrl", file, 1)).map(String::strip);
        baseUrl.ifPresent(url -> {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new TenetInputException(file, YamlNodes.line(fields.get("baseUrl"), 1),
                        "llm baseUrl '" + url + "' is not an http:// or https:// URL");
            }
        });
        Optional<String> keyEnv = Optional.ofNullable(YamlNodes.optionalString(fields, "apiKeyEnv", file, 1)).map(String::strip)
                .or(provider::defaultKeyEnv);
        keyEnv.ifPresent(name -> {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new TenetInputException(file, YamlNodes.line(fields.get("apiKeyEnv"), 1),
                        "llm apiKeyEnv must name an environment variable (letters, digits, _), not a key itself");
            }
        });
        Severity maxSeverity = LlmSettings.DEFAULT_MAX_SEVERITY;
        String severityText = YamlNodes.optionalString(fields, "maxSeverity", file, 1);
        if (severityText != null) {
            try {
                maxSeverity = Severity.parse(severityText);
            } catch (IllegalArgumentException e) {
                throw new TenetInputException(file, YamlNodes.line(fields.get("maxSeverity"), 1), "llm maxSeverity: " + e.getMessage());
            }
        }
        return Optional.of(new LlmSettings(provider, model.strip(), baseUrl, keyEnv,
                Duration.ofSeconds(positive(fields, "timeoutSeconds", LlmSettings.DEFAULT_TIMEOUT.toSeconds(), file)),
                (int) positive(fields, "tokenBudget", LlmSettings.DEFAULT_TOKEN_BUDGET, file),
                (int) positive(fields, "maxOutputTokens", LlmSettings.DEFAULT_MAX_OUTPUT_TOKENS, file),
                (int) positive(fields, "rulesPerHunk", LlmSettings.DEFAULT_RULES_PER_HUNK, file),
                maxSeverity, YamlNodes.line(node, 1)));
    }

    private static long positive(Map<String, Node> fields, String key, long fallback, String file) {
        String text = YamlNodes.optionalString(fields, key, file, 1);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value > 0 && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TenetInputException(file, YamlNodes.line(fields.get(key), 1), "llm " + key + " must be a positive whole number, not '" + text + "'");
    }
}
