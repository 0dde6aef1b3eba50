package dev.tenet.cli;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.Engine;
import dev.tenet.rules.engine.SourceTree;
import dev.tenet.rules.export.ExportFormat;
import dev.tenet.rules.export.ExportPlan;
import dev.tenet.rules.io.AtomicFiles;
import dev.tenet.rules.layout.LayoutProposal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tenet init [DIR] [--claude] [--cursor]}: proposes {@code .tenet/config.yml} with the layers read from the tree's modules and
 * packages, and puts Tenet into the assistants' files (MCP server, edit hook, exported rules).
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Propose DIR/.tenet/config.yml with the layers found in the tree (by build",
            "module and by package), printing what was taken for each layer and why.",
            "An existing config is kept unless --force is given.",
            "--claude / --cursor also write the assistant's files: the tenet MCP server,",
            "the hook that checks every file the agent edits ('tenet hook'), and the",
            "rules (CLAUDE.md, .cursor/rules). An existing JSON file gets Tenet's entry",
            "added and keeps everything else; a second run changes nothing. Every file",
            "is checked before any is written."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Config and assistant files written (or, when no layer was found, no config written and the reason printed).",
            "2:A config exists and neither --force nor --claude/--cursor was given, DIR is not a folder, or an existing assistant file"
                + " is not valid JSON (the message names the file and line; nothing is written).", ExitCodes.INTERNAL_TEXT})
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The repository to configure. Default: the current directory.")
    Path directory;

    @Option(names = "--claude", description = "Claude Code: .mcp.json (the tenet MCP server), the PostToolUse hook in .claude/settings.json, CLAUDE.md.")
    boolean claude;

    @Option(names = "--cursor", description = "Cursor: .cursor/mcp.json, the afterFileEdit and stop hooks in .cursor/hooks.json, .cursor/rules/tenet-*.mdc.")
    boolean cursor;

    @Option(names = "--tenet-command", paramLabel = "CMD", defaultValue = "tenet",
            description = "How the assistant files start Tenet: 'tenet' from the PATH (default) or the launcher's path, e.g. /opt/tenet/bin/tenet.")
    String tenetCommand;

    @Option(names = "--force", description = "Replace an existing .tenet/config.yml, an assistant file that is not valid JSON, and Tenet's own entries.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new TenetInputException(directory.toString(), 0, "not a folder");
        }
        boolean assistants = claude || cursor;
        Path file = root.resolve(ConfigLoader.CONFIG_FILE);
        boolean keepConfig = Files.exists(file) && !force;
        if (keepConfig && !assistants) {
            throw new TenetInputException(ConfigLoader.CONFIG_FILE, 0, "exists already; nothing written (use --force to replace it)");
        }
        // Everything is planned (and every existing file read and checked) before anything is written.
        List<AssistantFiles.Planned> assistantFiles = new ArrayList<>();
        AssistantFiles planner = new AssistantFiles(root, tenetCommand, force);
        List<ExportFormat> ruleFormats = new ArrayList<>();
        if (claude) {
            assistantFiles.addAll(planner.claude());
            ruleFormats.add(ExportFormat.CLAUDE);
        }
        if (cursor) {
            assistantFiles.addAll(planner.cursor());
            ruleFormats.add(ExportFormat.CURSOR);
        }
        RuleCatalog catalog = RuleCatalog.forRepository(root);
        ExportPlan rules = ExportPlan.of(catalog, ruleFormats, root);
        PrintWriter out = spec.commandLine().getOut();
        String yaml = keepConfig ? null : proposeConfig(root, catalog, out);

        if (yaml != null) {
            AtomicFiles.write(file, yaml.getBytes(StandardCharsets.UTF_8));
            out.println("Wrote " + ConfigLoader.CONFIG_FILE + "; review it, then run 'tenet check'.");
        } else if (keepConfig) {
            out.println("kept " + ConfigLoader.CONFIG_FILE + " (exists; --force replaces it)");
        }
        for (AssistantFiles.Planned planned : assistantFiles) {
            if (planned.action() != AssistantFiles.Action.UNCHANGED) {
                AtomicFiles.write(root.resolve(planned.path()), planned.content().getBytes(StandardCharsets.UTF_8));
            }
            out.println(planned.action().name().toLowerCase(Locale.ROOT) + " " + planned.path() + ": " + planned.what());
        }
        rules.apply();
        for (ExportPlan.Change change : rules.changes()) {
            out.println(change.action().name().toLowerCase(Locale.ROOT) + " " + change.path());
        }
        return ExitCodes.OK;
    }

    /** The proposed config, printed with the reason for each layer; {@code null} (and the reason) when no layer is found. */
    private static String proposeConfig(Path root, RuleCatalog catalog, PrintWriter out) {
        TenetConfig config = TenetConfig.defaults();
        SourceTree tree = SourceTree.scan(root, config);
        List<dev.tenet.rules.model.FileModel> files = new Engine(catalog, List.of())
                .check(root, tree, config, ScanCache.none(), Engine.Progress.NONE).files();
        LayoutProposal proposal = LayoutProposal.of(files, tree.modules()::moduleOf);
        for (LayoutProposal.Choice choice : proposal.choices()) {
            out.printf("%-14s %-40s %s%n", choice.layer().key(), choice.pattern(), choice.why());
        }
        for (String note : proposal.notes()) {
            out.println("note: " + note);
        }
        if (proposal.isEmpty()) {
            out.println("No layer found: no build module or package is named for a layer (domain, application, adapter, infrastructure,"
                    + " web). No config written; declare 'layers:' in " + ConfigLoader.CONFIG_FILE + " by hand.");
            return null;
        }
        String yaml = proposal.configYaml();
        ConfigLoader.parse(yaml, ConfigLoader.CONFIG_FILE); // what is written must load
        return yaml;
    }
}
