package dev.tenet.mcp.tools;

import dev.tenet.mcp.schema.Schema;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.review.ReviewResult;
import dev.tenet.review.ReviewScope;
import dev.tenet.review.Reviewer;
import dev.tenet.review.git.LocalChange;
import dev.tenet.review.git.LocalChanges;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code review_changes}: the workspace's git changes against a base (default: the upstream branch,
 * else {@code HEAD}, i.e. everything uncommitted) reviewed by the review bot's engine; the findings
 * on the changed lines, in the same structured shape as {@code check_code}.
 */
public final class ReviewChangesTool implements TenetTool {
    private final ScanCache cache;

    public ReviewChangesTool(ScanCache cache) {
        this.cache = cache;
    }

    @Override
    public McpSchema.Tool definition() {
        Map<String, Object> output = FindingsJson.outputSchemaWith(Schema.object()
                .property("compared", Schema.type("string", "what was compared, e.g. origin/main..working tree"), false)
                .property("changedFiles", Schema.type("integer", null), false)).build();
        return McpSchema.Tool.builder()
                .name("review_changes")
                .title("Review my git changes")
                .description("Review the workspace's git changes against the team's rules: findings on changed lines only. "
                        + "Default base: the upstream branch when one is configured, else HEAD (all uncommitted changes, untracked "
                        + "files included); 'compared' says which.")
                .inputSchema(FindingsInput.addTo(Schema.object()
                        .string("base", "git ref to compare with, e.g. origin/main", false)
                        .enumeration("scope", "lines (default), files or all", List.of("lines", "files", "all"), false))
                        .build())
                .outputSchema(output)
                .annotations(new McpSchema.ToolAnnotations("Review changes", true, false, true, false, null))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(Workspace workspace, Map<String, Object> arguments) {
        Arguments args = new Arguments(arguments);
        ReviewScope scope = ReviewScope.parse(args.string("scope").orElse("lines"));
        Compared compared = changes(workspace, args.string("base"));
        try (LocalChange change = compared.change()) {
            // Rules, config and baseline all come from the repository the change is in, as the engine runs there.
            RuleCatalog catalog = RuleCatalog.forRepository(change.root());
            ReviewResult result = new Reviewer(catalog, cache, Runtime.getRuntime().availableProcessors())
                    .review(change.root(), ConfigLoader.load(change.root()), change.changes(), scope, true);
            return FindingsInput.report(args, result.findings(), catalog).result(result.filesChecked(), result.baselined(), json -> {
                json.put("compared", compared.description());
                json.put("changedFiles", change.changes().size());
            });
        }
    }

    /** The change and how to describe what it was compared with. */
    private record Compared(LocalChange change, String description) {
    }

    private static Compared changes(Workspace workspace, Optional<String> base) {
        if (base.isPresent()) {
            LocalChange change = LocalChanges.between(workspace.root(), base.get(), Optional.empty());
            return new Compared(change, change.description());
        }
        Optional<String> upstream = LocalChanges.upstream(workspace.root());
        String why = "no upstream branch is configured";
        if (upstream.isPresent()) {
            try {
                LocalChange change = LocalChanges.between(workspace.root(), upstream.get(), Optional.empty());
                return new Compared(change, change.description() + " (the upstream branch)");
            } catch (TenetInputException notFetched) {
                why = "the upstream branch " + upstream.get() + " is not fetched";
            }
        }
        return new Compared(LocalChanges.worktree(workspace.root()), "HEAD..working tree: every uncommitted change ("
                + why + "; pass 'base', e.g. origin/main, to review a whole branch)");
    }
}
