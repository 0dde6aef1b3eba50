package dev.tenet.mcp.tools;

import dev.tenet.mcp.schema.Schema;
import dev.tenet.rules.search.RuleIndex;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.mcp.workspace.WorkspaceRules;
import dev.tenet.rules.catalog.Rule;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code search_rules}: the team's rules relevant to a question or a piece of code, ranked. */
public final class SearchRulesTool implements TenetTool {
    static final int DEFAULT_LIMIT = 5;
    private final WorkspaceRules rules;

    public SearchRulesTool(WorkspaceRules rules) {
        this.rules = rules;
    }

    @Override
    public McpSchema.Tool definition() {
        Map<String, Object> rule = Schema.object()
                .string("id", null, true)
                .string("summary", null, true)
                .enumeration("severity", null, List.of("error", "warning", "info"), true)
                .string("category", null, true)
                .bool("checked", "true when check_code enforces it")
                .property("score", Schema.type("number", null), true)
                .string("uri", "read it for Why/Do/Don't/How to fix", true)
                .build();
        return McpSchema.Tool.builder()
                .name("search_rules")
                .title("Search the team's architecture rules")
                .description("Find the team's rules (Kafka, outbox, idempotency, layering, timeouts, caching...) relevant to a "
                        + "question or a code snippet, best first. Read a hit's uri for the full rule.")
                .inputSchema(Schema.object()
                        .string("query", "a question, keywords or code", true)
                        .integer("limit", "default 5", 1, 25)
                        .build())
                .outputSchema(Schema.object().array("rules", rule, true).build())
                .annotations(new McpSchema.ToolAnnotations("Search rules", true, false, true, false, null))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(Workspace workspace, Map<String, Object> arguments) {
        Arguments args = new Arguments(arguments);
        String query = args.string("query").orElse("");
        if (query.isBlank()) {
            return ToolResults.error("'query' is empty: give a question, keywords or code");
        }
        List<RuleIndex.Hit> hits = rules.rules(workspace).index().search(query, args.integer("limit", DEFAULT_LIMIT));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rules", hits.stream().map(SearchRulesTool::hit).toList());
        return ToolResults.structured(result);
    }

    private static Map<String, Object> hit(RuleIndex.Hit hit) {
        Rule rule = hit.rule();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rule.id());
        json.put("summary", rule.summary());
        json.put("severity", rule.severity().label());
        json.put("category", rule.category());
        json.put("checked", rule.hasCheck());
        json.put("score", hit.score());
        json.put("uri", "tenet://rules/" + rule.id());
        return json;
    }
}
