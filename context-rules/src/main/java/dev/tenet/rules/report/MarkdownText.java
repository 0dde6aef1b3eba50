package dev.tenet.rules.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text made safe for GitHub-flavoured Markdown: what a message means as text stays what the
 * reader sees, and nothing in it pings a user or turns into HTML.
 */
final class MarkdownText {
    private static final Pattern MENTION = Pattern.compile("(?<![\\w`])@[A-Za-z][\\w.-]*");
    private static final Pattern LONGEST_BACKTICK_RUN = Pattern.compile("`+");

    private MarkdownText() {
    }

    /**
     * Escapes Markdown outside the {@code `code`} spans a message may contain; an annotation like
     * {@code @Transactional} becomes a code span so GitHub does not read it as a mention.
     */
    static String inline(String text) {
        String oneLine = text.replaceAll("\\s*\\R\\s*", " ");
        String[] parts = oneLine.split("`", -1);
        if (parts.length % 2 == 0) {
            return plain(oneLine);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i % 2 == 0 ? plain(parts[i]) : "`" + parts[i] + "`");
        }
        return out.toString();
    }

    /** A code span holding {@code text} exactly, however many backticks it contains. */
    static String code(String text) {
        int longest = 0;
        Matcher run = LONGEST_BACKTICK_RUN.matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    private static String plain(String text) {
        StringBuilder escaped = new StringBuilder();
        Matcher mention = MENTION.matcher(text);
        int from = 0;
        while (mention.find()) {
            escaped.append(escape(text.substring(from, mention.start()))).append('`').append(mention.group()).append('`');
            from = mention.end();
        }
        return escaped.append(escape(text.substring(from))).toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '\\', '*', '_', '[', ']', '|', '`', '~' -> escaped.append('\\').append(c);
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
