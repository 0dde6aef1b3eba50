package dev.tenet.rules.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where committed event schemas live: {@code .../schemas/<subject>/v<N>.json}. */
public final class SchemaFiles {
    private static final Pattern PATH = Pattern.compile("(?:^|.*/)schemas/([^/]+)/v(\\d{1,6})\\.json");

    private SchemaFiles() {
    }

    /** Whether a path (relative, with {@code /}) is a committed event schema. */
    public static boolean isSchema(String path) {
        return PATH.matcher(path).matches();
    }

    static Matcher match(String path) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a schema path: " + path);
        }
        return matcher;
    }
}
