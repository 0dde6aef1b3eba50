package dev.tenet.rules.config;

import java.util.regex.Pattern;

/**
 * A topic name or glob from {@code perKeyTopics:} ({@code *} any run of characters, {@code ?} one),
 * with the config line that wrote it.
 */
public final class TopicPattern {
    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._\\-*?]+");

    private final String text;
    private final int line;
    private final Pattern regex;

    private TopicPattern(String text, int line) {
        this.text = text;
        this.line = line;
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        this.regex = Pattern.compile(regex.toString());
    }

    /**
     * @throws IllegalArgumentException when the text holds a character no Kafka topic name can hold
     */
    public static TopicPattern of(String text, int line) {
        if (!LEGAL.matcher(text).matches()) {
            throw new IllegalArgumentException("perKeyTopics: '" + text + "' is not a topic name or glob (letters, digits, '.', '_', '-',"
                    + " and '*' or '?' as wildcards)");
        }
        return new TopicPattern(text, line);
    }

    public boolean matches(String topic) {
        return topic != null && regex.matcher(topic).matches();
    }

    /** The config line it was written on. */
    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return text;
    }
}
