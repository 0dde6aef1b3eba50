package dev.tenet.rules.catalog;

import dev.tenet.rules.Severity;
import java.util.List;
import java.util.Optional;

/**
 * One rule of the catalog: metadata from the front matter plus the Markdown body.
 *
 * @param id       stable dotted id, e.g. {@code layering.domain-no-framework}
 * @param summary  one line, no trailing period
 * @param severity default severity (configuration may override it)
 * @param category the group the rule belongs to ({@code layering}, {@code pipeline}, ...)
 * @param tags     free-form search tags
 * @param globs    the files the rule is about (used by exporters and path filters)
 * @param check    id of the Java check bound to the rule; empty for guidance-only rules
 * @param since    the Tenet version that introduced the rule
 * @param body     the Markdown body (sections Why, Do, Don't, How to fix)
 * @param source   where the rule came from: {@code builtin:<file>} or a repository path
 */
public record Rule(String id, String summary, Severity severity, String category, List<String> tags,
                   List<String> globs, Optional<String> check, String since, RuleBody body, String source) {

    public Rule {
        tags = List.copyOf(tags);
        globs = List.copyOf(globs);
    }

    public boolean hasCheck() {
        return check.isPresent();
    }
}
