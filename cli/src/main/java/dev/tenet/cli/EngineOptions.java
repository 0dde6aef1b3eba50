package dev.tenet.cli;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.checks.BuiltinChecks;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.engine.BuildModules;
import dev.tenet.rules.engine.Engine;
import dev.tenet.rules.engine.JavaParsers;
import dev.tenet.rules.engine.SourceTree;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options shared by every command that runs the engine over a tree. */
final class EngineOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Directory (or single Java file) to check. Default: the current directory.")
    Path directory;

    @Mixin
    CacheOptions cache;

    @Option(names = "--threads", paramLabel = "N", description = "Parser threads. Default: the number of cores.")
    Integer threads;

    /** The root with its config and catalog, ready to run. */
    record Run(Path root, TenetConfig config, RuleCatalog catalog, Engine.Result result) {
    }

    Run run(PrintWriter err, boolean showProgress) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new TenetInputException(directory.toString(), 0, "no such file or directory");
        }
        // A single file is checked within its build module, with that module's config and baseline.
        Path repository = Files.isDirectory(root) ? root : BuildModules.rootOf(root);
        TenetConfig config = ConfigLoader.load(repository);
        // The tree is listed, the parser and the effect model loaded and the built-in rules read on threads of their own while the checks
        // load and the files are parsed: one after the other they were most of a check's serial start (BENCHMARKS.md).
        // A repository's own rule files are read first, so a broken one is reported before any file is parsed.
        InBackground<SourceTree> tree = Files.isDirectory(root) ? InBackground.start("tenet-list", () -> SourceTree.scan(root, config)) : null;
        InBackground.start("tenet-parser-load", JavaParsers::warmUp);
        InBackground.start("tenet-effects-load", EffectModel::builtIn);
        InBackground<RuleCatalog> catalog = RuleCatalog.hasRepositoryRules(repository)
                ? InBackground.done(RuleCatalog.forRepository(repository))
                : InBackground.start("tenet-catalog", () -> RuleCatalog.forRepository(repository));
        Engine engine = new Engine(catalog::join, BuiltinChecks.all(), parallelism());
        try (TerminalProgress progress = showProgress ? new TerminalProgress(err) : null) {
            Engine.Progress reporting = progress == null ? Engine.Progress.NONE : progress;
            Engine.Result result = tree == null ? engine.check(root, config, scanCache(), reporting)
                    : engine.check(root, tree.join(), config, scanCache(), reporting);
            return new Run(repository, config, catalog.join(), result);
        }
    }

    /** The scan cache these options ask for (used by commands that run the engine themselves, like review). */
    ScanCache scanCache() {
        return cache.scanCache();
    }

    /** The parser threads these options ask for. */
    int parallelism() {
        int parallelism = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (parallelism < 1) {
            throw new TenetInputException("--threads must be at least 1");
        }
        return parallelism;
    }
}
