package dev.tenet.rules.search;

import dev.tenet.rules.catalog.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A lexical index over the rules (BM25 over id, summary, tags, category and body, the short fields
 * weighted up): offline, a few milliseconds to build, microseconds to query.
 */
public final class RuleIndex {
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final int TITLE_WEIGHT = 4;
    private static final int TAG_WEIGHT = 3;

    /** One ranked rule. */
    public record Hit(Rule rule, double score) {
    }

    private record Document(Rule rule, Map<String, Integer> frequencies, int length) {
    }

    private final List<Document> documents = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    public RuleIndex(Collection<Rule> rules) {
        long total = 0;
        for (Rule rule : rules) {
            Map<String, Integer> frequencies = new HashMap<>();
            count(frequencies, rule.id().replace('.', ' ').replace('-', ' '), TITLE_WEIGHT);
            count(frequencies, rule.summary(), TITLE_WEIGHT);
            count(frequencies, String.join(" ", rule.tags()), TAG_WEIGHT);
            count(frequencies, rule.category(), TAG_WEIGHT);
            count(frequencies, rule.body().markdown(), 1);
            int length = frequencies.values().stream().mapToInt(Integer::intValue).sum();
            total += length;
            documents.add(new Document(rule, frequencies, length));
            frequencies.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        averageLength = documents.isEmpty() ? 1 : (double) total / documents.size();
    }

    /** The rules matching the query best first (ties by id); rules matching no term are left out. */
    public List<Hit> search(String query, int limit) {
        LinkedHashSet<String> terms = new LinkedHashSet<>(Tokens.of(query));
        List<Hit> hits = new ArrayList<>();
        for (Document document : documents) {
            double score = 0;
            for (String term : terms) {
                Integer tf = document.frequencies().get(term);
                if (tf != null) {
                    double idf = Math.log(1 + (documents.size() - documentFrequency.get(term) + 0.5) / (documentFrequency.get(term) + 0.5));
                    double norm = tf + K1 * (1 - B + B * document.length() / averageLength);
                    score += idf * tf * (K1 + 1) / norm;
                }
            }
            if (score > 0) {
                hits.add(new Hit(document.rule(), Math.round(score * 1000) / 1000.0));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.rule().id()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    private static void count(Map<String, Integer> frequencies, String text, int weight) {
        for (String term : Tokens.of(text)) {
            frequencies.merge(term, weight, Integer::sum);
        }
    }
}
