package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/** AI-native from the first commit: Tenet's layer config, MCP client config for Claude Code and Cursor, the tech spec, a README. */
public final class AiContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render(".tenet/config.yml", "ai/config.yml.mustache", v);
        files.render(".mcp.json", "ai/mcp.json.mustache", v);
        files.render(".cursor/mcp.json", "ai/mcp.json.mustache", v);
        files.render("docs/tech-spec.md", "ai/tech-spec.md.mustache", v);
        files.render("README.md", "ai/README.md.mustache", v);
    }
}
