package dev.tenet.review.llm;

import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.PathGlob;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.search.RuleIndex;
import java.util.List;

/**
 * The rules sent with a hunk: rules in force (about the code, not Tenet itself) whose globs match the file, ranked by the lexical index
 * against the hunk and its method (ids, summaries, tags, bodies), the best few; a hunk no rule matches
 * is not sent at all.
 */
final class RelevantRules {
    /** Rules about Tenet itself (a file that does not parse), which only the engine reports. */
    private static final String TOOL_CATEGORY = "tenet";

    private final RuleIndex index;
    private final int limit;

    RelevantRules(RuleCatalog catalog, TenetConfig config, int limit) {
        this.index = new RuleIndex(catalog.all().stream()
                .filter(rule -> config.isEnabled(rule.id()) && !TOOL_CATEGORY.equals(rule.category())).toList());
        this.limit = limit;
    }

    /** Best first, with the score that ranked them. */
    List<RuleIndex.Hit> forHunk(String file, String text) {
        return index.search(text, Integer.MAX_VALUE).stream()
                .filter(hit -> appliesTo(hit.rule(), file))
                .limit(limit)
                .toList();
    }

    static boolean appliesTo(Rule rule, String file) {
        return rule.globs().isEmpty() || rule.globs().stream().anyMatch(glob -> new PathGlob(glob).matches(file));
    }
}
