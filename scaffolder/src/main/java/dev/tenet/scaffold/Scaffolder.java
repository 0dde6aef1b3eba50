package dev.tenet.scaffold;

import dev.tenet.rules.TenetInputException;
import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.GenerationRecord;
import dev.tenet.scaffold.generate.ProjectWriter;
import dev.tenet.scaffold.generate.ServiceGenerator;
import dev.tenet.scaffold.spec.ConsumerSpec;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.SpecParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scaffolder's entry points: generate a new service, add a consumer to one generated earlier. */
public final class Scaffolder {
    private final ServiceGenerator generator;

    public Scaffolder() {
        this(new ServiceGenerator());
    }

    public Scaffolder(ServiceGenerator generator) {
        this.generator = generator;
    }

    /** The files a spec generates, in memory (for {@code --dry-run} and tests). */
    public GeneratedFiles plan(PipelineSpec spec) {
        return generator.generate(spec);
    }

    /** Generates a new service into {@code target} (absent or empty); returns the relative paths written. */
    public List<String> generate(PipelineSpec spec, Path target) {
        GeneratedFiles files = generator.generate(spec);
        ProjectWriter.writeNew(files, target);
        return List.copyOf(files.files().keySet());
    }

    /**
     * What adding a consumer does to a service.
     *
     * @param written   files created or rewritten (or that would be, in a dry run)
     * @param overwritten user-changed files overwritten because of {@code force}
     */
    public record AddResult(List<String> written, List<String> overwritten) {
    }

    /**
     * Adds a consumer to a service generated earlier: regenerates from its recorded spec plus the
     * consumer and writes only what changed. A file changed by its owner since generation is never
     * overwritten unless {@code force}.
     *
     * @param service  the service's root directory
     * @param consumer the consumer to add
     * @param force    overwrite user-changed files
     * @param dryRun   compute and report, write nothing
     * @return the files written (or that would be)
     */
    public AddResult addConsumer(Path service, ConsumerSpec consumer, boolean force, boolean dryRun) {
        PipelineSpec spec = recordedSpec(service);
        SpecParser.checkNewConsumer(consumer, spec, service.resolve(ServiceGenerator.SPEC_PATH).toString());
        return add(service, spec.withConsumer(consumer), force, dryRun);
    }

    /** The spec a generated service records in {@code .tenet/pipeline.yaml}. */
    public static PipelineSpec recordedSpec(Path service) {
        GenerationRecord.read(service);
        Path specFile = service.resolve(ServiceGenerator.SPEC_PATH);
        try {
            return SpecParser.parse(Files.readString(specFile, StandardCharsets.UTF_8), specFile.toString());
        } catch (IOException e) {
            throw new TenetInputException(specFile.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    private AddResult add(Path service, PipelineSpec spec, boolean force, boolean dryRun) {
        GenerationRecord record = GenerationRecord.read(service);
        GeneratedFiles files = generator.generate(spec);
        Map<String, byte[]> toWrite = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        List<String> migrations = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
            String path = file.getKey();
            String newHash = GenerationRecord.sha256(file.getValue());
            String recorded = record.files().get(path);
            if (path.equals(GenerationRecord.PATH) || newHash.equals(recorded)) {
                continue;
            }
            Path onDisk = service.resolve(path);
            boolean exists = Files.isRegularFile(onDisk);
            if (exists && GenerationRecord.sha256(read(onDisk)).equals(newHash)) {
                continue;
            }
            boolean untouched = exists ? recorded != null && GenerationRecord.sha256(read(onDisk)).equals(recorded) : recorded == null;
            // A migration that exists may already be applied: Flyway refuses a changed one, so a newer template never rewrites it.
            if (exists && isMigration(path)) {
                migrations.add(path);
            } else if (!untouched) {
                conflicts.add(path);
            }
            toWrite.put(path, file.getValue());
        }
        if (!migrations.isEmpty() && !force) {
            throw new TenetInputException(service.toString(), 0, "refusing to change migrations that may already be applied: "
                    + String.join(", ", migrations) + " (this Tenet renders them differently; put the difference in a new migration"
                    + " by hand, or run again with --force if they were never applied)");
        }
        conflicts.addAll(migrations);
        if (!conflicts.isEmpty() && !force) {
            throw new TenetInputException(service.toString(), 0, "refusing to overwrite files changed since they were generated: "
                    + String.join(", ", conflicts) + " (merge by hand, or run again with --force to overwrite them)");
        }
        toWrite.put(GenerationRecord.PATH, files.files().get(GenerationRecord.PATH));
        if (!dryRun) {
            ProjectWriter.writeInto(files, toWrite, service);
        }
        return new AddResult(List.copyOf(toWrite.keySet()), List.copyOf(conflicts));
    }

    private static boolean isMigration(String path) {
        return path.startsWith("src/main/resources/db/migration/");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
