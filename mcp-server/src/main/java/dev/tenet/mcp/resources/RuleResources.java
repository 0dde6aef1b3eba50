package dev.tenet.mcp.resources;

import dev.tenet.mcp.workspace.WorkspaceResolver;
import dev.tenet.mcp.workspace.WorkspaceRules;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;

/** {@code tenet://rules} (the index, in Markdown) and {@code tenet://rules/{id}} (one rule's Markdown), with completion of {@code id}. */
public final class RuleResources {
    public static final String INDEX = "tenet://rules";
    public static final String TEMPLATE = "tenet://rules/{id}";
    private static final String PREFIX = "tenet://rules/";

    private final WorkspaceRules rules;
    private final WorkspaceResolver workspaces;

    public RuleResources(WorkspaceRules rules, WorkspaceResolver workspaces) {
        this.rules = rules;
        this.workspaces = workspaces;
    }

    public McpServerFeatures.SyncResourceSpecification index() {
        McpSchema.Resource resource = McpSchema.Resource.builder().uri(INDEX).name("rules").title("The team's rules")
                .description("Every rule in force (built-in plus .tenet/rules): id, severity, summary")
                .mimeType(ResourceTexts.MARKDOWN).build();
        return new McpServerFeatures.SyncResourceSpecification(resource,
                (exchange, request) -> ResourceTexts.text(INDEX, ResourceTexts.MARKDOWN, indexText(catalog(exchange))));
    }

    public McpServerFeatures.SyncResourceTemplateSpecification rule() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder().uriTemplate(TEMPLATE).name("rule")
                .title("One rule").description("A rule's Markdown: Why, Do, Don't, How to fix")
                .mimeType(ResourceTexts.MARKDOWN).build();
        return new McpServerFeatures.SyncResourceTemplateSpecification(template, (exchange, request) -> {
            String id = ResourceTexts.variable(request.uri(), PREFIX);
            Rule rule = catalog(exchange).find(id)
                    .orElseThrow(() -> ResourceTexts.notFound(request.uri(), "no rule '" + id + "' (see " + INDEX + ")"));
            return ResourceTexts.text(request.uri(), ResourceTexts.MARKDOWN, ruleText(rule));
        });
    }

    public McpServerFeatures.SyncCompletionSpecification idCompletion() {
        return new McpServerFeatures.SyncCompletionSpecification(new McpSchema.ResourceReference(TEMPLATE),
                (exchange, request) -> Completions.of(catalog(exchange).all().stream().map(Rule::id).toList(), request.argument().value()));
    }

    private RuleCatalog catalog(McpSyncServerExchange exchange) {
        return rules.rules(workspaces.current(exchange)).catalog();
    }

    static String indexText(RuleCatalog catalog) {
        StringBuilder text = new StringBuilder("# Rules in force\n\nRead one as tenet://rules/<id>.\n");
        String category = null;
        for (Rule rule : catalog.all().stream().sorted(java.util.Comparator.comparing(Rule::category).thenComparing(Rule::id)).toList()) {
            if (!rule.category().equals(category)) {
                category = rule.category();
                text.append("\n## ").append(category).append("\n\n");
            }
            text.append("- `").append(rule.id()).append("` (").append(rule.severity().label())
                    .append(rule.hasCheck() ? ", checked" : ", guidance").append(") ").append(rule.summary()).append('\n');
        }
        return text.toString();
    }

    /** The URI of one rule. */
    public static String uri(String id) {
        return PREFIX + id;
    }

    /** A rule as Markdown: a metadata line, then its body. */
    public static String ruleText(Rule rule) {
        return "<!-- id: " + rule.id() + " | severity: " + rule.severity().label() + " | category: " + rule.category()
                + " | tags: " + String.join(", ", rule.tags()) + " | applies to: " + String.join(", ", rule.globs())
                + " | " + (rule.hasCheck() ? "checked by check_code" : "guidance only") + " -->\n"
                + rule.body().markdown().strip() + "\n";
    }
}
