package dev.tenet.rules.engine;

import java.util.ArrayList;
import java.util.List;

/** Answers every check's {@link Prefilter} for one file's text, reading the text once for all word prefilters. */
final class CheckPrefilters {
    private final List<Prefilter> prefilters;
    private final WordScanner words;
    /** For a check with a word prefilter, the scanner's indexes of its words; null otherwise. */
    private final int[][] wordIndexes;

    CheckPrefilters(List<Check> checks) {
        prefilters = checks.stream().map(Check::prefilter).toList();
        List<String> all = new ArrayList<>();
        for (Prefilter prefilter : prefilters) {
            if (prefilter instanceof Prefilter.AnyWord any) {
                all.addAll(any.words());
            }
        }
        words = new WordScanner(all);
        wordIndexes = new int[prefilters.size()][];
        for (int i = 0; i < prefilters.size(); i++) {
            if (prefilters.get(i) instanceof Prefilter.AnyWord any) {
                wordIndexes[i] = any.words().stream().mapToInt(words::index).toArray();
            }
        }
    }

    /** applies[i] is true when the i-th check (in the order given) should scan this text. */
    boolean[] applying(String source) {
        boolean[] found = words.scan(source);
        boolean[] applies = new boolean[prefilters.size()];
        for (int i = 0; i < applies.length; i++) {
            Prefilter prefilter = prefilters.get(i);
            if (prefilter instanceof Prefilter.AnyWord) {
                applies[i] = anyFound(found, wordIndexes[i]);
            } else if (prefilter instanceof Prefilter.Custom custom) {
                applies[i] = custom.test().test(source);
            } else {
                applies[i] = true;
            }
        }
        return applies;
    }

    private static boolean anyFound(boolean[] found, int[] indexes) {
        for (int index : indexes) {
            if (found[index]) {
                return true;
            }
        }
        return false;
    }
}
