package dev.tenet.scaffold.spec;

import java.util.Locale;
import java.util.Set;

/** Spelling conversions between kebab-case, snake_case, camelCase and PascalCase. */
public final class Names {
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package",
            "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "record", "var", "yield");

    private Names() {
    }

    /** {@code LectureWatched} or {@code lectureWatched} to {@code lecture-watched}. */
    public static String kebab(String camel) {
        return words(camel, "-");
    }

    /** {@code trainingMinutes} to {@code training_minutes}. */
    public static String snake(String camel) {
        return words(camel, "_");
    }

    /** {@code learning-progress} to {@code LearningProgress}. */
    public static String pascal(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("[-_.]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** {@code LectureWatched} to {@code lectureWatched}. */
    public static String camel(String pascal) {
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** {@code learning.lecture-watched} to {@code LEARNING_LECTURE_WATCHED}. */
    public static String constant(String text) {
        return text.replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    }

    public static boolean isJavaKeyword(String name) {
        return JAVA_KEYWORDS.contains(name);
    }

    private static String words(String camel, String separator) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1" + separator + "$2").toLowerCase(Locale.ROOT);
    }
}
