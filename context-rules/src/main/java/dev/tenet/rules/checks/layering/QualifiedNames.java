package dev.tenet.rules.checks.layering;

/**
 * Finds a package-qualified type name written in source text ({@code com.acme.adapter.Client}): two or
 * more lower-case segments followed by an upper-case one. One pass over the dots, because a regular
 * expression tried at every word of every file showed up in profiles of large trees.
 */
final class QualifiedNames {
    private QualifiedNames() {
    }

    /** Whether {@code source}, from index {@code from} on, contains {@code a.b.C} (segments start with a lower-case letter or '_'). */
    static boolean containsOne(String source, int from) {
        for (int dot = source.indexOf('.', from); dot >= 0 && dot + 1 < source.length(); dot = source.indexOf('.', dot + 1)) {
            char next = source.charAt(dot + 1);
            if (next < 'A' || next > 'Z') {
                continue;
            }
            int last = segmentStart(source, dot, from);
            if (last < 0 || !startsPackageSegment(source.charAt(last)) || last - 1 < from || source.charAt(last - 1) != '.') {
                continue;
            }
            int previous = segmentStart(source, last - 1, from);
            if (previous >= 0 && startsPackageSegment(source.charAt(previous))) {
                return true;
            }
        }
        return false;
    }

    /** The start of the run of word characters ending just before {@code end}, or -1 when there is none. */
    private static int segmentStart(String source, int end, int from) {
        int i = end - 1;
        while (i >= from && isWordChar(source.charAt(i))) {
            i--;
        }
        return i + 1 < end ? i + 1 : -1;
    }

    private static boolean startsPackageSegment(char c) {
        return c >= 'a' && c <= 'z' || c == '_';
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
