package dev.tenet.mcp;

import dev.tenet.mcp.prompts.Prompts;
import dev.tenet.mcp.resources.ConfigResource;
import dev.tenet.mcp.resources.RuleResources;
import dev.tenet.mcp.resources.TailVariableTemplates;
import dev.tenet.mcp.resources.TemplateResources;
import dev.tenet.mcp.schema.SchemaValidator;
import dev.tenet.mcp.tools.CheckCodeTool;
import dev.tenet.mcp.tools.CodeChecker;
import dev.tenet.mcp.tools.ReviewChangesTool;
import dev.tenet.mcp.tools.ScaffoldTool;
import dev.tenet.mcp.tools.SearchRulesTool;
import dev.tenet.mcp.tools.TenetTool;
import dev.tenet.mcp.tools.ToolResults;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.mcp.workspace.WorkspaceException;
import dev.tenet.mcp.workspace.WorkspaceResolver;
import dev.tenet.mcp.workspace.WorkspaceRules;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.engine.BuildInfo;
import dev.tenet.scaffold.Scaffolder;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;

/** Assembles Tenet's tools, resources, templates, prompts and completions onto an MCP server of any transport. */
public final class TenetMcpServer {
    static final String INSTRUCTIONS = "Tenet holds this team's architecture rules for Kafka/Spring services. Before writing "
            + "or changing code, call search_rules; after writing a file, call check_code and fix what it reports. "
            + "Rules: tenet://rules. Config: tenet://config.";

    private final WorkspaceResolver workspaces;
    private final WorkspaceRules rules = new WorkspaceRules();
    private final List<TenetTool> tools = new ArrayList<>();

    /**
     * @param workspaces where each request works
     * @param cache      the engine's scan cache (never inside a workspace)
     */
    public TenetMcpServer(WorkspaceResolver workspaces, ScanCache cache) {
        this.workspaces = workspaces;
        tools.add(new SearchRulesTool(rules));
        tools.add(new CheckCodeTool(new CodeChecker(rules, cache)));
        tools.add(new ReviewChangesTool(cache));
        tools.add(new ScaffoldTool(new Scaffolder()));
    }

    /** Registers everything on the spec and builds nothing: the caller picks the transport and calls {@code build()}. */
    public <S extends McpServer.SyncSpecification<S>> void configure(McpServer.SyncSpecification<S> spec) {
        RuleResources ruleResources = new RuleResources(rules, workspaces);
        TemplateResources templates = new TemplateResources();
        Prompts prompts = new Prompts(rules, workspaces);
        spec.serverInfo(new McpSchema.Implementation("tenet", "Tenet", BuildInfo.version()))
                .instructions(INSTRUCTIONS)
                .jsonMapper(Json.MCP)
                .jsonSchemaValidator(new SchemaValidator())
                .uriTemplateManagerFactory(new TailVariableTemplates())
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).prompts(false)
                        .completions().build())
                .tools(tools.stream().map(this::specification).toList())
                .resources(ruleResources.index(), new ConfigResource(rules, workspaces).specification(), templates.index())
                .resourceTemplates(ruleResources.rule(), templates.template())
                .prompts(prompts.all())
                .completions(ruleResources.idCompletion(), templates.nameCompletion(), prompts.ruleIdCompletion())
                .rootsChangeHandler(workspaces::rootsChanged);
    }

    private McpServerFeatures.SyncToolSpecification specification(TenetTool tool) {
        return new McpServerFeatures.SyncToolSpecification(tool.definition(), (exchange, request) -> {
            try {
                Workspace workspace = workspaces.current(exchange);
                return tool.call(workspace, request.arguments());
            } catch (WorkspaceException | TenetInputException e) {
                return ToolResults.error(e.getMessage());
            }
        });
    }
}
