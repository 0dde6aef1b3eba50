package dev.tenet.rules.config;

import java.util.regex.Pattern;

/**
 * A package pattern in the ArchUnit style: {@code ..} stands for any number of package segments,
 * {@code *} for part of one segment. {@code ..domain..} matches {@code com.acme.domain.model};
 * {@code com.acme.*.application..} matches {@code com.acme.billing.application}.
 */
public final class PackagePattern {
    private final String text;
    private final Pattern regex;

    private PackagePattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    public static PackagePattern of(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || !trimmed.matches("[\\w.*$]+")) {
            throw new IllegalArgumentException("'" + text + "' is not a package pattern (use names, '.', '..' and '*')");
        }
        StringBuilder regex = new StringBuilder("^");
        String rest = trimmed;
        if (rest.startsWith("..")) {
            regex.append("(?:.*\\.)?");
            rest = rest.substring(2);
        }
        boolean trailing = rest.endsWith("..");
        if (trailing) {
            rest = rest.substring(0, rest.length() - 2);
        }
        String[] parts = rest.split("\\.\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("(?:\\.|\\..*\\.)");
            }
            regex.append(parts[i].replace(".", "\\.").replace("*", "[^.]*").replace("$", "\\$"));
        }
        if (trailing) {
            regex.append("(?:\\..*)?");
        }
        regex.append("$");
        return new PackagePattern(trimmed, Pattern.compile(regex.toString()));
    }

    public boolean matches(String packageName) {
        return regex.matcher(packageName).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
