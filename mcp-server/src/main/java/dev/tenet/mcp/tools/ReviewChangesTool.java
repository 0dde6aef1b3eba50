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
                        + "Default base: the upstream branch, else HEAD (all uncommitted changes, untracked files included).")
                .inputSchema(Schema.object()
                        .string("base", "git ref to compare with, e.g. origin/main", false)
                        .enumeration("scope", "lines (default), files or all", List.of("lines", "files", "all"), false)
                        .build())
                .outputSchema(output)
                .annotations(new McpSchema.ToolAnnotations("Review changes", true, false, true, false, null))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(Workspace workspace, Map<String, Object> arguments) {
        Arguments args = new Arguments(arguments);
        ReviewScope scope = ReviewScope.parse(args.string("scope").orElse("lines"));
        try (LocalChange change = changes(workspace, args.string("base"))) {
            // Rules, config and baseline all come from the repository the change is in, as the engine runs there.
            ReviewResult result = new Reviewer(RuleCatalog.forRepository(change.root()), cache, Runtime.getRuntime().availableProcessors())
                    .review(change.root(), ConfigLoader.load(change.root()), change.changes(), scope, true);
            Map<String, Object> json = FindingsJson.result(result.findings(), result.filesChecked(), result.baselined());
            json.put("compared", change.description());
            json.put("changedFiles", change.changes().size());
            return ToolResults.structured(json);
        }
    }

    private static LocalChange changes(Workspace workspace, Optional<String> base) {
        if (base.isPresent()) {
            return LocalChanges.between(workspace.root(), base.get(), Optional.empty());
        }
        try {
            return LocalChanges.between(workspace.root(), "@{upstream}", Optional.empty());
        } catch (TenetInputException noUpstream) {
            return LocalChanges.worktree(workspace.root());
        }
    }
}
