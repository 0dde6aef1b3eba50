package dev.tenet.scaffold;

import dev.tenet.rules.TenetInputException;
import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.GenerationRecord;
import dev.tenet.scaffold.generate.ProjectWriter;
import dev.tenet.scaffold.generate.ServiceGenerator;
import dev.tenet.scaffold.generate.ThreeWayMerge;
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
import java.util.stream.Collectors;

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
     * @param merged    user-changed files whose change was kept, Tenet's change merged into them
     * @param overwritten user-changed files overwritten because of {@code force}
     */
    public record AddResult(List<String> written, List<String> merged, List<String> overwritten) {
    }

    /**
     * Adds a consumer to a service generated earlier: regenerates from its recorded spec plus the
     * consumer and writes only what changed. Tenet's change to a file its owner changed since generation
     * is merged into the owner's copy line by line ({@link ThreeWayMerge}); where both changed the same
     * lines, nothing is written unless {@code force}, which overwrites.
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
        return add(service, spec, spec.withConsumer(consumer), force, dryRun);
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

    private AddResult add(Path service, PipelineSpec recordedSpec, PipelineSpec spec, boolean force, boolean dryRun) {
        GenerationRecord record = GenerationRecord.read(service);
        GeneratedFiles files = generator.generate(spec);
        GeneratedFiles before = null; // rendered only when a file its owner changed needs a merge base
        Map<String, byte[]> toWrite = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        List<String> conflictDetails = new ArrayList<>();
        List<String> merged = new ArrayList<>();
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
            byte[] owners = exists ? read(onDisk) : null;
            boolean untouched = exists ? recorded != null && GenerationRecord.sha256(owners).equals(recorded) : recorded == null;
            // A migration that exists may already be applied: Flyway refuses a changed one, so a newer template never rewrites it.
            if (exists && isMigration(path)) {
                migrations.add(path);
            } else if (!untouched) {
                if (before == null) {
                    before = generator.generate(recordedSpec);
                }
                byte[] base = before.files().get(path);
                // The base is what this Tenet generated from the recorded spec; if it is not what was recorded, an
                // older Tenet generated the file and there is nothing sound to merge against.
                if (exists && recorded != null && base != null && GenerationRecord.sha256(base).equals(recorded)) {
                    ThreeWayMerge.Outcome merge = ThreeWayMerge.merge(base, owners, file.getValue());
                    if (merge.clean()) {
                        merged.add(path);
                        toWrite.put(path, merge.merged().orElseThrow());
                        continue;
                    }
                    conflictDetails.add(path + " (your lines " + merge.conflictLines().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ")");
                } else {
                    conflictDetails.add(path + (exists && recorded != null ? " (generated by another Tenet version)" : ""));
                }
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
        if (!conflictDetails.isEmpty() && !force) {
            throw new TenetInputException(service.toString(), 0, "refusing to overwrite your changes where Tenet changes the same lines: "
                    + String.join(", ", conflictDetails) + " (merge by hand, or run again with --force to overwrite them)");
        }
        toWrite.put(GenerationRecord.PATH, files.files().get(GenerationRecord.PATH));
        if (!dryRun) {
            ProjectWriter.writeInto(files, toWrite, service);
        }
        return new AddResult(List.copyOf(toWrite.keySet()), List.copyOf(merged), List.copyOf(conflicts));
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
