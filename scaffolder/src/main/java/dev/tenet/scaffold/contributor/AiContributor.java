package dev.tenet.scaffold.contributor;

import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.export.ExportFormat;
import dev.tenet.rules.export.ExportedFile;
import dev.tenet.rules.export.MarkedSection;
import dev.tenet.rules.export.RuleExporter;
import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;
import java.util.List;
import java.util.Optional;

/**
 * AI-native from the first commit: Tenet's layer config, MCP client config for Claude Code and Cursor, the
 * built-in rules exported as {@code CLAUDE.md}, {@code AGENTS.md} and {@code .cursor/rules}, the tech spec, a README.
 */
public final class AiContributor implements ProjectContributor {
    /** The formats generated, each exactly as {@code tenet rules export} writes it into an empty folder. */
    static final List<ExportFormat> EXPORTS = List.of(ExportFormat.CLAUDE, ExportFormat.AGENTS, ExportFormat.CURSOR);

    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render(".tenet/config.yml", "ai/config.yml.mustache", v);
        files.render(".mcp.json", "ai/mcp.json.mustache", v);
        files.render(".cursor/mcp.json", "ai/mcp.json.mustache", v);
        files.render("docs/tech-spec.md", "ai/tech-spec.md.mustache", v);
        files.render("README.md", "ai/README.md.mustache", v);
        RuleCatalog catalog = RuleCatalog.builtin();
        for (ExportFormat format : EXPORTS) {
            for (ExportedFile file : RuleExporter.files(catalog, format)) {
                String content = file.section() ? MarkedSection.merge(file.path(), Optional.empty(), file.content()) : file.content();
                files.text(file.path(), content);
            }
        }
    }
}
