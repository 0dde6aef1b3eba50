package dev.tenet.rules.export;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an export would change in a folder, computed in full before anything is written: each
 * file's new text (the whole file, with the team's own text kept around Tenet's section), and
 * Tenet's own files left over from rules that no longer exist.
 */
public final class ExportPlan {

    /** One file's fate. */
    public enum Action { CREATE, UPDATE, DELETE, UNCHANGED }

    /**
     * @param path    relative to the output folder
     * @param action  what applying the plan does to it
     * @param content the new text (empty for a deletion)
     */
    public record Change(String path, Action action, Optional<String> content) {
    }

    private final Path out;
    private final List<Change> changes;

    private ExportPlan(Path out, List<Change> changes) {
        this.out = out;
        this.changes = List.copyOf(changes);
    }

    /** Plans the export of {@code catalog} in {@code formats} into {@code out}. */
    public static ExportPlan of(RuleCatalog catalog, Collection<ExportFormat> formats, Path out) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (ExportFormat format : formats) {
            List<ExportedFile> files = RuleExporter.files(catalog, format);
            for (ExportedFile file : files) {
                Optional<String> existing = read(out.resolve(file.path()));
                String content = file.section() ? MarkedSection.merge(file.path(), existing, file.content()) : file.content();
                Action action = existing.isEmpty() ? Action.CREATE : existing.get().equals(content) ? Action.UNCHANGED : Action.UPDATE;
                changes.put(file.path(), new Change(file.path(), action, Optional.of(content)));
            }
            String prefix = RuleExporter.ownedPrefix(format);
            if (prefix != null) {
                for (String stale : owned(out, prefix)) {
                    changes.putIfAbsent(stale, new Change(stale, Action.DELETE, Optional.empty()));
                }
            }
        }
        return new ExportPlan(out, new ArrayList<>(changes.values()));
    }

    public List<Change> changes() {
        return changes;
    }

    /** The changes that are not {@link Action#UNCHANGED}: what {@code --check} reports as drift. */
    public List<Change> drift() {
        return changes.stream().filter(c -> c.action() != Action.UNCHANGED).toList();
    }

    /** Writes each changed file through a temporary file and an atomic rename, and deletes stale ones. */
    public void apply() {
        for (Change change : drift()) {
            Path target = out.resolve(change.path());
            try {
                if (change.action() == Action.DELETE) {
                    Files.deleteIfExists(target);
                    continue;
                }
                AtomicFiles.write(target, change.content().orElseThrow().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new TenetInputException(target.toString(), 0, "cannot write: " + e.getMessage());
            }
        }
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> owned(Path out, String prefix) {
        Path folder = out.resolve(prefix.substring(0, prefix.lastIndexOf('/')));
        String namePrefix = prefix.substring(prefix.lastIndexOf('/') + 1);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(namePrefix))
                    .map(f -> out.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
