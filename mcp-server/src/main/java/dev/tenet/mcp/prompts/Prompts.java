package dev.tenet.mcp.prompts;

import dev.tenet.mcp.resources.Completions;
import dev.tenet.mcp.resources.RuleResources;
import dev.tenet.mcp.workspace.WorkspaceResolver;
import dev.tenet.mcp.workspace.WorkspaceRules;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The team's workflow prompts: {@code tech-spec}, {@code add-kafka-consumer}, {@code review-my-change}, {@code explain-rule}. */
public final class Prompts {
    private final WorkspaceRules rules;
    private final WorkspaceResolver workspaces;

    public Prompts(WorkspaceRules rules, WorkspaceResolver workspaces) {
        this.rules = rules;
        this.workspaces = workspaces;
    }

    public List<McpServerFeatures.SyncPromptSpecification> all() {
        return List.of(
                prompt("tech-spec", "Write a tech spec", "A tech spec: why now, current state in numbers, design, trade-offs, rollout, A/B measure",
                        List.of(argument("topic", "the change to specify", true), argument("context", "what the team already knows", false)),
                        (exchange, args) -> PromptText.render("tech-spec", Map.of(
                                "topic", args.get("topic"),
                                "context", or(args.get("context"), "none given; ask for what you cannot find in the code")))),
                prompt("add-kafka-consumer", "Add a Kafka consumer", "Add an idempotent, keyed Kafka consumer with retries and a dead-letter topic",
                        List.of(argument("topic", "the topic to consume", true), argument("event", "the event type", false),
                                argument("key", "the message key, e.g. userId", false), argument("service", "the service", false)),
                        (exchange, args) -> PromptText.render("add-kafka-consumer", Map.of(
                                "topic", args.get("topic"),
                                "service", or(args.get("service"), "the service in this workspace"),
                                "event", or(args.get("event"), "infer it from the topic and the existing code"),
                                "key", or(args.get("key"), "the id that orders the events (usually userId)")))),
                prompt("review-my-change", "Review my change", "Review the workspace's changes against the team's rules",
                        List.of(argument("base", "base ref, default the upstream branch or HEAD", false)),
                        (exchange, args) -> PromptText.render("review-my-change", Map.of(
                                "against", args.get("base") == null ? " against its base (the upstream branch, else HEAD)" : " against `" + args.get("base") + "`",
                                "baseArgument", args.get("base") == null ? "" : " with `base: " + args.get("base") + "`"))),
                prompt("explain-rule", "Explain a rule", "Explain one rule with an incident, how to comply here, and its exceptions",
                        List.of(argument("id", "the rule id, e.g. pipeline.outbox-dual-write", true)),
                        (exchange, args) -> {
                            Rule rule = catalog(exchange).find(args.get("id")).orElseThrow(() -> McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                                    .message("no rule '" + args.get("id") + "' (see tenet://rules)").build());
                            return PromptText.render("explain-rule", Map.of("id", rule.id(), "rule", RuleResources.ruleText(rule)));
                        }));
    }

    /** Completes the {@code id} argument of {@code explain-rule}. */
    public McpServerFeatures.SyncCompletionSpecification ruleIdCompletion() {
        return new McpServerFeatures.SyncCompletionSpecification(new McpSchema.PromptReference("explain-rule"),
                (exchange, request) -> Completions.of(catalog(exchange).all().stream().map(Rule::id).toList(), request.argument().value()));
    }

    private RuleCatalog catalog(McpSyncServerExchange exchange) {
        return rules.rules(workspaces.current(exchange)).catalog();
    }

    private static McpServerFeatures.SyncPromptSpecification prompt(String name, String title, String description,
            List<McpSchema.PromptArgument> arguments, BiFunction<McpSyncServerExchange, Map<String, String>, String> text) {
        McpSchema.Prompt prompt = new McpSchema.Prompt(name, title, description, arguments);
        return new McpServerFeatures.SyncPromptSpecification(prompt, (exchange, request) -> {
            Map<String, String> args = new LinkedHashMap<>();
            if (request.arguments() != null) {
                request.arguments().forEach((k, v) -> {
                    if (v != null && !v.toString().isBlank()) {
                        args.put(k, v.toString().strip());
                    }
                });
            }
            for (McpSchema.PromptArgument argument : arguments) {
                if (Boolean.TRUE.equals(argument.required()) && !args.containsKey(argument.name())) {
                    throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                            .message("prompt '" + name + "' needs the argument '" + argument.name() + "'").build();
                }
            }
            McpSchema.PromptMessage message = new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text.apply(exchange, args)));
            return new McpSchema.GetPromptResult(description, List.of(message));
        });
    }

    private static McpSchema.PromptArgument argument(String name, String description, boolean required) {
        return new McpSchema.PromptArgument(name, description, required);
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
