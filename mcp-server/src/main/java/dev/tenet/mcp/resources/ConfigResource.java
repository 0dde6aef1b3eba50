package dev.tenet.mcp.resources;

import dev.tenet.mcp.Json;
import dev.tenet.mcp.workspace.WorkspaceResolver;
import dev.tenet.mcp.workspace.WorkspaceRules;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.config.Layer;
import dev.tenet.rules.config.TenetConfig;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code tenet://config}: the workspace's effective configuration (its {@code .tenet/config.yml} over the defaults), as JSON. */
public final class ConfigResource {
    public static final String URI = "tenet://config";
    private final WorkspaceRules rules;
    private final WorkspaceResolver workspaces;

    public ConfigResource(WorkspaceRules rules, WorkspaceResolver workspaces) {
        this.rules = rules;
        this.workspaces = workspaces;
    }

    public McpServerFeatures.SyncResourceSpecification specification() {
        McpSchema.Resource resource = McpSchema.Resource.builder().uri(URI).name("config").title("Effective config")
                .description("The workspace's layers, rule settings and exclusions, as check_code applies them")
                .mimeType(ResourceTexts.JSON).build();
        return new McpServerFeatures.SyncResourceSpecification(resource, (exchange, request) -> {
            TenetConfig config;
            try {
                config = rules.config(workspaces.current(exchange));
            } catch (TenetInputException e) {
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("the workspace's config is invalid: " + e.getMessage()).build();
            }
            return ResourceTexts.text(URI, ResourceTexts.JSON, Json.pretty(json(config)));
        });
    }

    static Map<String, Object> json(TenetConfig config) {
        Map<String, Object> layers = new LinkedHashMap<>();
        for (Layer layer : Layer.values()) {
            List<String> patterns = config.layers().getOrDefault(layer, List.of()).stream().map(Object::toString).toList();
            if (!patterns.isEmpty()) {
                layers.put(layer.key(), patterns);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", config.file() == null ? "defaults (no .tenet/config.yml)" : config.file());
        json.put("layers", layers);
        json.put("layersExplicit", config.layersExplicit());
        if (!config.layersExplicit()) {
            json.put("layersNote", "no layers declared: layering rules use the package layout only when it follows the convention"
                    + " unambiguously; 'tenet init' proposes layers");
        }
        json.put("allowEmptyLayers", config.allowEmptyLayers());
        json.put("rules", new TreeMap<>(config.ruleSettings()));
        json.put("exclude", config.excludes().stream().map(Object::toString).toList());
        json.put("allowEmptyExcludes", config.allowEmptyExcludes());
        json.put("checkTestSources", config.checkTestSources());
        return json;
    }
}
