package dev.tenet.rules.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits prose and code into search terms: words and camelCase parts, lower-cased, lightly stemmed, stop words dropped. */
final class Tokens {
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "do", "does", "for",
            "from", "how", "i", "if", "in", "into", "is", "it", "its", "my", "no", "not", "of", "on", "or", "our", "so",
            "that", "the", "their", "then", "there", "this", "to", "use", "was", "we", "what", "when", "where", "which",
            "while", "who", "why", "will", "with", "you", "your", "new", "public", "private", "final", "void", "return",
            "class", "import", "package", "static", "string");

    private Tokens() {
    }

    static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                boolean camelBoundary = Character.isUpperCase(c) && word.length() > 0
                        && Character.isLowerCase(word.charAt(word.length() - 1));
                if (camelBoundary) {
                    add(terms, word);
                }
                word.append(c);
            } else {
                add(terms, word);
            }
        }
        return terms;
    }

    private static void add(List<String> terms, StringBuilder word) {
        if (word.length() == 0) {
            return;
        }
        String term = stem(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
        if (term.length() > 1 && !STOP.contains(term)) {
            terms.add(term);
        }
    }

    /** Folds the common English endings so that "retries", "retrying" and "retry" meet. */
    static String stem(String word) {
        if (word.length() <= 4) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ing") && word.length() > 5) {
            return word.substring(0, word.length() - 3);
        }
        if (word.endsWith("ed") && word.length() > 5) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
