package dev.tenet.rules.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The assistants' rule formats {@code tenet rules export} writes. */
public enum ExportFormat {
    /** {@code .cursor/rules/tenet-<id>.mdc}, one per rule (front matter: description, globs, alwaysApply). */
    CURSOR,
    /** A marked section of {@code CLAUDE.md}. */
    CLAUDE,
    /** A marked section of {@code AGENTS.md}. */
    AGENTS,
    /** A marked section of {@code .github/copilot-instructions.md} (the index) plus {@code .github/instructions/tenet-<id>.instructions.md}, one per rule, with {@code applyTo} from its globs. */
    COPILOT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code cursor|claude|agents|copilot}; throws naming the accepted values otherwise. */
    public static ExportFormat parse(String text) {
        return Arrays.stream(values()).filter(f -> f.key().equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown export format '" + text + "' (expected "
                        + Arrays.stream(values()).map(ExportFormat::key).collect(Collectors.joining(", ")) + ")"));
    }
}
