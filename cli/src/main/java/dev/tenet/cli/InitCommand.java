package dev.tenet.cli;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.Engine;
import dev.tenet.rules.engine.SourceTree;
import dev.tenet.rules.io.AtomicFiles;
import dev.tenet.rules.layout.LayoutProposal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenet init [DIR]}: proposes {@code .tenet/config.yml} with the layers read from the tree's modules and packages. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Propose DIR/.tenet/config.yml with the layers found in the tree (by build module and by package),",
            "printing what was taken for each layer and why. An existing config is kept unless --force is given."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Config written (or, when no layer was found, nothing written and the reason printed).",
            "2:A config exists and --force was not given, or DIR is not a folder.", ExitCodes.INTERNAL_TEXT})
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The repository to configure. Default: the current directory.")
    Path directory;

    @Option(names = "--force", description = "Replace an existing .tenet/config.yml.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new TenetInputException(directory.toString(), 0, "not a folder");
        }
        Path file = root.resolve(ConfigLoader.CONFIG_FILE);
        if (Files.exists(file) && !force) {
            throw new TenetInputException(ConfigLoader.CONFIG_FILE, 0, "exists already; nothing written (use --force to replace it)");
        }
        TenetConfig config = TenetConfig.defaults();
        List<dev.tenet.rules.model.FileModel> files = new Engine(RuleCatalog.forRepository(root), List.of())
                .check(root, config, ScanCache.none(), Engine.Progress.NONE).files();
        LayoutProposal proposal = LayoutProposal.of(files, SourceTree.scan(root, config).modules()::moduleOf);
        PrintWriter out = spec.commandLine().getOut();
        for (LayoutProposal.Choice choice : proposal.choices()) {
            out.printf("%-14s %-40s %s%n", choice.layer().key(), choice.pattern(), choice.why());
        }
        for (String note : proposal.notes()) {
            out.println("note: " + note);
        }
        if (proposal.isEmpty()) {
            out.println("No layer found: no build module or package is named for a layer (domain, application, adapter, infrastructure,"
                    + " web). Nothing written; declare 'layers:' in " + ConfigLoader.CONFIG_FILE + " by hand.");
            return ExitCodes.OK;
        }
        String yaml = proposal.configYaml();
        ConfigLoader.parse(yaml, ConfigLoader.CONFIG_FILE); // what is written must load
        AtomicFiles.write(file, yaml.getBytes(StandardCharsets.UTF_8));
        out.println("Wrote " + ConfigLoader.CONFIG_FILE + "; review it, then run 'tenet check'.");
        return ExitCodes.OK;
    }
}
