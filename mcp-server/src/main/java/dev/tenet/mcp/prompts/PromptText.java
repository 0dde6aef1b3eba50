package dev.tenet.mcp.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A prompt's Markdown text from the jar, with {@code {{name}}} placeholders filled from a model computed in Java. */
final class PromptText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private PromptText() {
    }

    static String render(String name, Map<String, String> model) {
        String template = load(name);
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = model.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt " + name + " uses {{" + matcher.group(1) + "}} but its model has no such value");
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    private static String load(String name) {
        try (InputStream in = PromptText.class.getResourceAsStream("/dev/tenet/mcp/prompts/" + name + ".md")) {
            if (in == null) {
                throw new IllegalStateException("prompt text " + name + ".md is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
