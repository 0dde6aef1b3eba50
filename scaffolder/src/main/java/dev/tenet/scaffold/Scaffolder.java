package dev.tenet.scaffold;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.engine.BuildInfo;
import dev.tenet.scaffold.generate.EventTableClaimUpgrade;
import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.GenerationRecord;
import dev.tenet.scaffold.generate.MigrationUpgrade;
import dev.tenet.scaffold.generate.OutboxBatchUpgrade;
import dev.tenet.scaffold.generate.ProjectWriter;
import dev.tenet.scaffold.generate.ServiceGenerator;
import dev.tenet.scaffold.generate.ServiceModel;
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
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/** The scaffolder's entry points: generate a new service, add a consumer to one generated earlier. */
public final class Scaffolder {
    private static final String MIGRATIONS = "src/main/resources/db/migration/";

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
     * @param keptMigrations existing migrations this Tenet renders differently, left as they are (they may be applied)
     * @param carried     statements of their new rendering that the kept ones lack, put in the new consumer's migration
     * @param outboxMovedBy the new migration that moves the outbox from {@code outbox_message} to {@code outbox_batch}
     *                      ({@link OutboxBatchUpgrade}), or empty when the service needs no move
     * @param removed     files an earlier Tenet generated that this one no longer does, deleted (or that would be); one
     *                    its owner changed is deleted only with {@code force}
     * @param claimAddedTo the events tables the new migration gives the {@code claim_token} column their dedup needs
     *                     ({@link EventTableClaimUpgrade})
     * @param migration   the new consumer's migration
     */
    public record AddResult(List<String> written, List<String> merged, List<String> overwritten, List<String> keptMigrations,
                            List<String> carried, Optional<String> outboxMovedBy, List<String> removed, List<String> claimAddedTo,
                            String migration) {
    }

    /**
     * Adds a consumer to a service generated earlier: regenerates from its recorded spec plus the
     * consumer and writes only what changed. Tenet's change to a file its owner changed since generation
     * is merged into the owner's copy line by line ({@link ThreeWayMerge}); where both changed the same
     * lines, nothing is written unless {@code force}, which overwrites. An existing migration is never rewritten, not
     * even with {@code force}: it may be applied, and Flyway refuses a changed one at start. Where this Tenet renders it
     * differently, the indexes the new rendering adds go into the new consumer's migration ({@link MigrationUpgrade}), and
     * so does the move of an outbox of one row per message to one row per transaction ({@link OutboxBatchUpgrade}) and
     * the column the events tables need as dedup records ({@link EventTableClaimUpgrade}). A file an earlier Tenet
     * generated and this one no longer does is deleted, unless its owner changed it (then as for a conflict); a
     * migration never is.
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
        return add(service, spec, spec.withConsumer(consumer), force, dryRun,
                MIGRATIONS + ServiceModel.migrationFile(consumer, spec.consumers().size()));
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

    private AddResult add(Path service, PipelineSpec recordedSpec, PipelineSpec spec, boolean force, boolean dryRun, String newMigration) {
        GenerationRecord record = GenerationRecord.read(service);
        GeneratedFiles files = generator.generate(spec);
        GeneratedFiles before = null; // rendered only when a file its owner changed needs a merge base
        Map<String, byte[]> toWrite = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        List<String> conflictDetails = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        List<String> keptMigrations = new ArrayList<>();
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
                keptMigrations.add(path);
                continue;
            }
            if (!untouched) {
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
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, String> generated : record.files().entrySet()) {
            String path = generated.getKey();
            Path onDisk = service.resolve(path);
            if (files.files().containsKey(path) || isMigration(path) || path.equals(GenerationRecord.PATH) || !Files.isRegularFile(onDisk)) {
                continue;
            }
            if (!GenerationRecord.sha256(read(onDisk)).equals(generated.getValue())) {
                conflictDetails.add(path + " (you changed it; this Tenet no longer generates it and would delete it)");
                conflicts.add(path);
            }
            removed.add(path);
        }
        if (!conflictDetails.isEmpty() && !force) {
            throw new TenetInputException(service.toString(), 0, "refusing to overwrite your changes where Tenet changes the same lines: "
                    + String.join(", ", conflictDetails) + " (merge by hand, or run again with --force to overwrite them)");
        }
        if (keptMigrations.contains(newMigration)) {
            throw new TenetInputException(service.resolve(newMigration).toString(), 0, "the new consumer's migration already exists"
                    + " with other content; move that migration to a later version and run again");
        }
        Map<String, byte[]> migrations = migrations(service);
        boolean moveOutbox = OutboxBatchUpgrade.needed(spec, migrations);
        String move = moveOutbox ? OutboxBatchUpgrade.statements(spec, generator.renderer()) : "";
        if (moveOutbox) {
            // What the move creates is not carried again from the new baseline's rendering.
            migrations.put(newMigration + "#outbox-move", move.getBytes(StandardCharsets.UTF_8));
        }
        List<String> carried = MigrationUpgrade.missingStatements(keptMigrations, files.files(), migrations);
        if (!carried.isEmpty()) {
            toWrite.put(newMigration, MigrationUpgrade.prepend(carried, toWrite.get(newMigration)));
        }
        if (moveOutbox) {
            toWrite.put(newMigration, OutboxBatchUpgrade.prepend(move, toWrite.get(newMigration)));
        }
        List<String> claimAddedTo = EventTableClaimUpgrade.tablesWithoutClaim(recordedSpec, migrations.values());
        if (!claimAddedTo.isEmpty()) {
            toWrite.put(newMigration, EventTableClaimUpgrade.prepend(claimAddedTo, toWrite.get(newMigration)));
        }
        boolean upgraded = moveOutbox || !carried.isEmpty() || !claimAddedTo.isEmpty();
        toWrite.put(GenerationRecord.PATH, record(record, files, keptMigrations, upgraded ? Map.of(newMigration,
                toWrite.get(newMigration)) : Map.of()));
        if (!dryRun) {
            ProjectWriter.writeInto(files, toWrite, service);
            ProjectWriter.delete(removed, service);
        }
        return new AddResult(List.copyOf(toWrite.keySet()), List.copyOf(merged), List.copyOf(conflicts),
                List.copyOf(keptMigrations), List.copyOf(carried), moveOutbox ? Optional.of(newMigration) : Optional.empty(),
                List.copyOf(removed), claimAddedTo, newMigration);
    }

    /** The new generation's record, except that a kept migration keeps its old hash and a migration with carried statements its own. */
    private static byte[] record(GenerationRecord old, GeneratedFiles files, List<String> kept, Map<String, byte[]> upgraded) {
        Map<String, byte[]> generatedFiles = new LinkedHashMap<>(files.files());
        generatedFiles.remove(GenerationRecord.PATH);
        GenerationRecord generated = GenerationRecord.of(BuildInfo.version(), ServiceGenerator.rulePack(), generatedFiles);
        Map<String, String> hashes = new TreeMap<>(generated.files());
        kept.forEach(path -> hashes.put(path, old.files().getOrDefault(path, hashes.get(path))));
        upgraded.forEach((path, content) -> hashes.put(path, GenerationRecord.sha256(content)));
        return new GenerationRecord(generated.tenetVersion(), generated.rulePack(), hashes).toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** Every migration file the service has, generated or written by its owner. */
    private static Map<String, byte[]> migrations(Path service) {
        Path folder = service.resolve(MIGRATIONS);
        Map<String, byte[]> found = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(Files::isRegularFile).forEach(file -> found.put(MIGRATIONS + file.getFileName(), read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static boolean isMigration(String path) {
        return path.startsWith(MIGRATIONS);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
