package dev.tenet.mcp.resources;

import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.util.List;
import java.util.Map;

/**
 * URI templates whose one variable ends the template ({@code tenet://templates/{name}}) match the
 * whole rest of a URI, slashes and spaces included, so a client that does not percent-encode a
 * template name still reaches the resource's handler, which then serves it or says what exists.
 * (The SDK's default matches a variable only up to the next {@code /}, and a URI that matches no
 * template gets a bare "Resource not found".)
 */
public final class TailVariableTemplates implements McpUriTemplateManagerFactory {

    @Override
    public McpUriTemplateManager create(String uriTemplate) {
        McpUriTemplateManager standard = new DefaultMcpUriTemplateManager(uriTemplate);
        List<String> names = standard.getVariableNames();
        String variable = names.size() == 1 ? "{" + names.get(0) + "}" : null;
        if (variable == null || !uriTemplate.endsWith(variable)) {
            return standard;
        }
        String prefix = uriTemplate.substring(0, uriTemplate.length() - variable.length());
        return new McpUriTemplateManager() {
            @Override
            public List<String> getVariableNames() {
                return names;
            }

            @Override
            public Map<String, String> extractVariableValues(String uri) {
                return matches(uri) ? Map.of(names.get(0), uri.substring(prefix.length())) : Map.of();
            }

            @Override
            public boolean matches(String uri) {
                return uri != null && uri.startsWith(prefix) && uri.length() > prefix.length();
            }

            @Override
            public boolean isUriTemplate(String uri) {
                return standard.isUriTemplate(uri);
            }
        };
    }
}
