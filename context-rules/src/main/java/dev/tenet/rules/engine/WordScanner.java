package dev.tenet.rules.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of a fixed set of words occur in a text, all in one pass (an Aho–Corasick automaton compiled to a table).
 * A file's text is read once for the prefilters of every check instead of once per word.
 */
final class WordScanner {
    private static final int ASCII = 128;

    private final Map<String, Integer> indexOf = new LinkedHashMap<>();
    /** Symbol of each ASCII char that occurs in a word; 0 for every other char. */
    private final int[] symbolOf = new int[ASCII];
    /** transitions[state * symbols + symbol] = next state. */
    private final int[] transitions;
    private final int symbols;
    /** The words found on reaching each state (its own and those of its suffix states); null when none. */
    private final int[][] matches;

    WordScanner(Collection<String> words) {
        for (String word : words) {
            indexOf.putIfAbsent(word, indexOf.size());
        }
        int symbolCount = 1;
        for (String word : indexOf.keySet()) {
            for (char c : word.toCharArray()) {
                if (c >= ASCII) {
                    throw new IllegalArgumentException("prefilter words are ASCII: " + word);
                }
                if (symbolOf[c] == 0) {
                    symbolOf[c] = symbolCount++;
                }
            }
        }
        symbols = symbolCount;
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> output = new ArrayList<>();
        trie.add(new int[symbols]);
        output.add(new ArrayList<>());
        for (Map.Entry<String, Integer> entry : indexOf.entrySet()) {
            int state = 0;
            for (char c : entry.getKey().toCharArray()) {
                int symbol = symbolOf[c];
                if (trie.get(state)[symbol] == 0) {
                    trie.get(state)[symbol] = trie.size();
                    trie.add(new int[symbols]);
                    output.add(new ArrayList<>());
                }
                state = trie.get(state)[symbol];
            }
            output.get(state).add(entry.getValue());
        }
        transitions = new int[trie.size() * symbols];
        matches = new int[trie.size()][];
        int[] fail = new int[trie.size()];
        Deque<Integer> queue = new ArrayDeque<>();
        // Breadth first: a state's failure state is shallower, so its row and its matches are final when it is read.
        for (int symbol = 1; symbol < symbols; symbol++) {
            int child = trie.get(0)[symbol];
            transitions[symbol] = child;
            if (child != 0) {
                queue.add(child);
            }
        }
        matches[0] = null;
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> found = new ArrayList<>(output.get(state));
            if (matches[fail[state]] != null) {
                for (int word : matches[fail[state]]) {
                    found.add(word);
                }
            }
            matches[state] = found.isEmpty() ? null : found.stream().mapToInt(Integer::intValue).toArray();
            for (int symbol = 1; symbol < symbols; symbol++) {
                int child = trie.get(state)[symbol];
                int viaFailure = transitions[fail[state] * symbols + symbol];
                if (child == 0) {
                    transitions[state * symbols + symbol] = viaFailure;
                } else {
                    transitions[state * symbols + symbol] = child;
                    fail[child] = viaFailure;
                    queue.add(child);
                }
            }
        }
    }

    /** The index {@link #scan} answers for a word given to the constructor. */
    int index(String word) {
        Integer index = indexOf.get(word);
        if (index == null) {
            throw new IllegalArgumentException("not a word of this scanner: " + word);
        }
        return index;
    }

    /** found[index(word)] is true when the word occurs in the text. */
    boolean[] scan(String text) {
        boolean[] found = new boolean[indexOf.size()];
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            state = transitions[state * symbols + (c < ASCII ? symbolOf[c] : 0)];
            int[] words = matches[state];
            if (words != null) {
                for (int word : words) {
                    found[word] = true;
                }
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "WordScanner" + Arrays.toString(indexOf.keySet().toArray());
    }
}
