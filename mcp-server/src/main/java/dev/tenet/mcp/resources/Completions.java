package dev.tenet.mcp.resources;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Completion answers: the values starting with what was typed, then those containing it, at most 100. */
public final class Completions {
    static final int MAX = 100;

    private Completions() {
    }

    public static McpSchema.CompleteResult of(Collection<String> values, String typed) {
        String needle = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        values.stream().filter(v -> v.toLowerCase(Locale.ROOT).startsWith(needle)).forEach(matches::add);
        values.stream().filter(v -> !v.toLowerCase(Locale.ROOT).startsWith(needle) && v.toLowerCase(Locale.ROOT).contains(needle))
                .forEach(matches::add);
        List<String> shown = matches.size() > MAX ? matches.subList(0, MAX) : matches;
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(List.copyOf(shown), matches.size(),
                matches.size() > MAX));
    }
}
