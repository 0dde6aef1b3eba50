package dev.tenet.rules.engine;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * A cheap whole-file precondition on a source's raw text: when it does not hold, a check's {@link Check#scan} is skipped
 * for that file. Word prefilters of all checks are answered together in one pass over the text ({@link WordScanner}).
 */
public sealed interface Prefilter {

    /** Every file is scanned. */
    static Prefilter always() {
        return Always.INSTANCE;
    }

    /** Files whose text contains at least one of these words (plain substrings, case-sensitive). */
    static Prefilter anyWord(String... words) {
        return new AnyWord(List.of(words));
    }

    /** Files whose text contains at least one of these words (plain substrings, case-sensitive). */
    static Prefilter anyWord(Collection<String> words) {
        return new AnyWord(List.copyOf(words));
    }

    /** Files whose text passes a test of its own (costs a pass of its own: prefer {@link #anyWord}). */
    static Prefilter custom(Predicate<String> test) {
        return new Custom(test);
    }

    /** See {@link #always()}. */
    enum Always implements Prefilter {
        INSTANCE
    }

    /** See {@link #anyWord(String...)}. */
    record AnyWord(List<String> words) implements Prefilter {
        public AnyWord {
            if (words.isEmpty() || words.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("a word prefilter needs at least one non-empty word: " + words);
            }
        }
    }

    /** See {@link #custom(Predicate)}. */
    record Custom(Predicate<String> test) implements Prefilter {
    }
}
