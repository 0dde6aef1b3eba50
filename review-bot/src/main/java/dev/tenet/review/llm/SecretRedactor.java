package dev.tenet.review.llm;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks what looks like a secret before any text leaves the machine: cloud and GitHub keys, API keys,
 * private key blocks, bearer tokens, passwords in JDBC URLs and {@code password=}/{@code secret=}
 * assignments. A private key block keeps its line count, so line numbers around it stay true.
 */
final class SecretRedactor {
    static final String MASK = "[REDACTED]";

    /** A pattern whose group "secret" is the part replaced. */
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?<secret>-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\\s\\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|\\z))"),
            Pattern.compile("\\b(?<secret>(AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16})\\b"),
            Pattern.compile("(?i)aws_?secret_?(access_?)?key[\"']?\\s*[:=]\\s*[\"']?(?<secret>[A-Za-z0-9/+=]{40})"),
            Pattern.compile("\\b(?<secret>(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})\\b"),
            Pattern.compile("\\b(?<secret>sk-(ant-|proj-)?[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})"),
            Pattern.compile("(?i)\\bbearer\\s+(?<secret>[A-Za-z0-9\\-._~+/]{12,}=*)"),
            Pattern.compile("(?i)(jdbc|mongodb(\\+srv)?|postgres(ql)?|mysql|redis|amqps?)://[^\\s\"':/@]+:(?<secret>[^\\s\"'@/]+)@"),
            Pattern.compile("(?i)jdbc:[^\\s\"']*?[?;&:]password=(?<secret>[^&;\\s\"']+)"),
            Pattern.compile("(?i)[\\w.-]*(password|passwd|pwd|secret|token|api[_-]?key|apikey|credential)[\\w.-]*[\"']?\\s*[:=]\\s*\"(?<secret>[^\"\\n]+)\""),
            Pattern.compile("(?i)[\\w.-]*(password|passwd|pwd|secret|token|api[_-]?key|apikey|credential)[\\w.-]*[\"']?\\s*[:=]\\s*'(?<secret>[^'\\n]+)'"),
            Pattern.compile("(?im)^\\s*[\\w.-]*(password|passwd|pwd|secret|token|api[_-]?key|apikey|credential)[\\w.-]*\\s*[:=][ \\t]*(?<secret>[^\\s\"'#(${][^\\n(]*?)\\s*$"));

    /** Text with its secrets blanked, and how many were. */
    record Redacted(String text, int count) {
    }

    private SecretRedactor() {
    }

    static Redacted redact(String text) {
        String current = text;
        int count = 0;
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(current);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (matcher.find()) {
                if (matcher.group("secret").equals(MASK)) {
                    continue;
                }
                out.append(current, last, matcher.start("secret")).append(mask(matcher.group("secret")));
                last = matcher.end("secret");
                count++;
            }
            out.append(current.substring(last));
            current = out.toString();
        }
        return new Redacted(current, count);
    }

    /** The mask, with as many line breaks as the secret had. */
    private static String mask(String secret) {
        long lines = secret.chars().filter(c -> c == '\n').count();
        return MASK + "\n".repeat((int) lines);
    }
}
