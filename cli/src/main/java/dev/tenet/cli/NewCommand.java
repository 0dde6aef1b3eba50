package dev.tenet.cli;

import dev.tenet.rules.TenetInputException;
import dev.tenet.scaffold.FileTree;
import dev.tenet.scaffold.Scaffolder;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.SpecParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenet new}: generates a Kafka consumer service from a pipeline spec (a YAML file, or flags for one consumer). */
@Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a Kafka consumer service: idempotent consumer, transactional outbox, DLT, Flyway, tests, ops files.",
            "Give a spec file, or the flags for a service with one consumer."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Generated (and built, with --build).", "1:The generated build failed (--build).",
            ExitCodes.USAGE_TEXT, ExitCodes.INTERNAL_TEXT})
final class NewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--spec", paramLabel = "FILE", description = "The pipeline spec (YAML); see samples/learning-progress.yaml.")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to generate; must not exist or be empty. Default: ./<service>.")
    Path out;

    @Option(names = "--dry-run", description = "Print the file tree that would be written; write nothing.")
    boolean dryRun;

    @Option(names = "--build", description = "Run the generated service's own './mvnw -B verify' afterwards.")
    boolean build;

    @Option(names = "--service", paramLabel = "NAME", description = "Without --spec: kebab-case service name.")
    String service;

    @Option(names = "--package", paramLabel = "PKG", description = "Without --spec: base Java package.")
    String basePackage;

    @Option(names = "--database", paramLabel = "DB", defaultValue = "mysql", description = "Without --spec: mysql or postgres. Default: ${DEFAULT-VALUE}.")
    String database;

    @Option(names = "--aggregate", paramLabel = "CLASS", description = "Without --spec: the per-key state, e.g. TrainingProgress.")
    String aggregate;

    @Option(names = "--key", paramLabel = "FIELD", defaultValue = "userId", description = "Without --spec: the key field. Default: ${DEFAULT-VALUE}.")
    String key;

    @Option(names = "--total", paramLabel = "FIELD", description = "Without --spec: the aggregate's total, e.g. trainingMinutes.")
    String total;

    @Mixin
    ConsumerFlags consumerFlags;

    @Option(names = "--publish-topic", paramLabel = "TOPIC", description = "Without --spec: the downstream topic.")
    String publishTopic;

    @Option(names = "--publish-event", paramLabel = "CLASS", description = "Without --spec: the downstream event's class name.")
    String publishEvent;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PipelineSpec pipeline = specFile != null ? fromFile() : fromFlags();
        Path target = out != null ? out : Path.of(pipeline.service());
        PrintWriter stdout = spec.commandLine().getOut();
        Scaffolder scaffolder = new Scaffolder();
        if (dryRun) {
            List<String> paths = List.copyOf(scaffolder.plan(pipeline).files().keySet());
            stdout.print(FileTree.render(target.toString(), paths));
            stdout.println(paths.size() + " files (dry run: nothing written)");
            stdout.flush();
            return ExitCodes.OK;
        }
        long started = System.nanoTime();
        List<String> written = scaffolder.generate(pipeline, target);
        stdout.printf("Generated %s (%s, %d files) in %s in %d ms%n", pipeline.service(), pipeline.database().key(), written.size(),
                target, (System.nanoTime() - started) / 1_000_000);
        stdout.println("Next: cd " + target + " && ./mvnw -B verify   (or ./mvnw spring-boot:test-run to run it with an embedded broker)");
        stdout.flush();
        return build ? new GeneratedBuild(target, spec.commandLine().getErr(), TerminalProgress.wanted()).run() : ExitCodes.OK;
    }

    private PipelineSpec fromFile() {
        if (!Files.isRegularFile(specFile)) {
            throw new TenetInputException(specFile.toString(), 0, "no such spec file");
        }
        try {
            return SpecParser.parse(Files.readString(specFile, StandardCharsets.UTF_8), specFile.toString());
        } catch (IOException e) {
            throw new TenetInputException(specFile.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    private PipelineSpec fromFlags() {
        List<String> missing = new ArrayList<>();
        String[][] required = {{"--service", service}, {"--package", basePackage}, {"--aggregate", aggregate}, {"--total", total},
            {"--publish-topic", publishTopic}, {"--publish-event", publishEvent}};
        for (String[] option : required) {
            if (option[1] == null) {
                missing.add(option[0]);
            }
        }
        missing.addAll(consumerFlags.missing());
        if (!missing.isEmpty()) {
            throw new TenetInputException("give --spec FILE, or all of: " + String.join(", ", missing));
        }
        StringBuilder yaml = new StringBuilder();
        yaml.append("service: ").append(q(service)).append('\n').append("package: ").append(q(basePackage)).append('\n')
                .append("database: ").append(q(database)).append('\n')
                .append("aggregate:\n  name: ").append(q(aggregate)).append("\n  key: ").append(q(key)).append("\n  total: ").append(q(total)).append('\n')
                .append("consumers:\n  - ");
        consumerFlags.appendYaml(yaml, "    ", key, null);
        yaml.append("publishes:\n  topic: ").append(q(publishTopic)).append("\n  event: ").append(q(publishEvent)).append('\n');
        return SpecParser.parse(yaml.toString(), "<command-line flags>");
    }

    private static String q(String text) {
        return ConsumerFlags.yamlString(text);
    }

    /** Runs the generated service's Maven wrapper, streaming a one-line progress on a terminal and the tail of the log otherwise. */
    static final class GeneratedBuild {
        private final Path directory;
        private final PrintWriter err;
        private final boolean terminal;

        GeneratedBuild(Path directory, PrintWriter err, boolean terminal) {
            this.directory = directory;
            this.err = err;
            this.terminal = terminal;
        }

        int run() throws IOException, InterruptedException {
            Process process = new ProcessBuilder(directory.toAbsolutePath().resolve("mvnw").toString(), "-B", "verify")
                    .directory(directory.toFile()).redirectErrorStream(true).start();
            List<String> tail = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    tail.add(line);
                    if (tail.size() > 40) {
                        tail.remove(0);
                    }
                    if (terminal && (line.startsWith("[INFO]") || line.startsWith("[ERROR]"))) {
                        String shown = line.length() > 110 ? line.substring(0, 110) : line;
                        err.print("\r\033[Kbuild: " + shown);
                        err.flush();
                    }
                }
            }
            int status = process.waitFor();
            if (terminal) {
                err.print("\r\033[K");
            }
            if (status != 0) {
                tail.forEach(err::println);
                err.println("tenet: the generated build failed (exit " + status + ")");
                err.flush();
                return 1;
            }
            err.println("build: ./mvnw -B verify passed");
            err.flush();
            return ExitCodes.OK;
        }
    }
}
