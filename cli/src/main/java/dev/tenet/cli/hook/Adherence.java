package dev.tenet.cli.hook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.rules.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How agents respond to the hook, per rule, counted on this machine only ({@code hook/adherence.json} in
 * the cache directory, updated under a file lock): how often a rule was caught in an edited file, and
 * whether the next hook event for that file no longer had it (fixed at the next edit), a later one did
 * (fixed later), or it is still there (open).
 */
public final class Adherence {
    /** One rule's counts. */
    public record Row(String rule, int caught, int fixedNextEdit, int fixedLater, int stillOpen) {
        /** Caught findings fixed at the very next edit, as a share of all caught; 0 when none were caught. */
        public double fixRate() {
            return caught == 0 ? 0 : (double) fixedNextEdit / caught;
        }
    }

    /** The counts of one rule as stored. */
    record Counts(int caught, int fixedNextEdit, int fixedLater) {
    }

    /**
     * The stored state.
     *
     * @param rules per rule, its counts
     * @param open  per file, the rules found in it at its last check, each with whether its next check is still to come
     */
    record State(Map<String, Counts> rules, Map<String, Map<String, Boolean>> open) {
        State {
            rules = rules == null ? new TreeMap<>() : new TreeMap<>(rules);
            open = open == null ? new TreeMap<>() : new TreeMap<>(open);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public Adherence(Path cacheDirectory) {
        this.file = cacheDirectory.resolve("hook").resolve("adherence.json");
    }

    /** Where the counts are kept. */
    public Path file() {
        return file;
    }

    /**
     * Records one check of an edited file: the rules it was caught breaking now (empty when clean).
     * A rule newly found counts as caught; a rule found last time and gone now counts as fixed.
     */
    void record(Path editedFile, Set<String> rules) throws IOException {
        String key = editedFile.toAbsolutePath().normalize().toString();
        FileLocks.withLock(file, () -> {
            State state = load();
            Map<String, Boolean> before = state.open().getOrDefault(key, Map.of());
            if (before.isEmpty() && rules.isEmpty()) {
                return null;
            }
            Map<String, Boolean> after = new TreeMap<>();
            before.forEach((rule, awaitingNextEdit) -> {
                if (rules.contains(rule)) {
                    after.put(rule, false);
                } else {
                    Counts counts = state.rules().getOrDefault(rule, new Counts(0, 0, 0));
                    state.rules().put(rule, awaitingNextEdit
                            ? new Counts(counts.caught(), counts.fixedNextEdit() + 1, counts.fixedLater())
                            : new Counts(counts.caught(), counts.fixedNextEdit(), counts.fixedLater() + 1));
                }
            });
            for (String rule : rules) {
                if (!before.containsKey(rule)) {
                    Counts counts = state.rules().getOrDefault(rule, new Counts(0, 0, 0));
                    state.rules().put(rule, new Counts(counts.caught() + 1, counts.fixedNextEdit(), counts.fixedLater()));
                    after.put(rule, true);
                }
            }
            if (after.isEmpty()) {
                state.open().remove(key);
            } else {
                state.open().put(key, after);
            }
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
            return null;
        });
    }

    /** Every rule caught so far, most often caught first. */
    public List<Row> rows() throws IOException {
        State state = FileLocks.withLock(file, this::load);
        Map<String, Integer> open = new TreeMap<>();
        state.open().values().forEach(rules -> rules.keySet().forEach(rule -> open.merge(rule, 1, Integer::sum)));
        List<Row> rows = new ArrayList<>();
        state.rules().forEach((rule, counts) -> rows.add(new Row(rule, counts.caught(), counts.fixedNextEdit(), counts.fixedLater(),
                open.getOrDefault(rule, 0))));
        rows.sort(Comparator.comparingInt(Row::caught).reversed().thenComparing(Row::rule));
        return rows;
    }

    /** Forgets every count. */
    public void reset() throws IOException {
        FileLocks.withLock(file, () -> Files.deleteIfExists(file));
    }

    private State load() throws IOException {
        if (!Files.exists(file)) {
            return new State(null, null);
        }
        try {
            return JSON.readValue(file.toFile(), State.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is not a Tenet adherence file (" + e.getOriginalMessage() + "); delete it or run 'tenet stats --reset'", e);
        }
    }
}
