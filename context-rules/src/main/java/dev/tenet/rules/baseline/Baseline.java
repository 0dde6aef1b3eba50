package dev.tenet.rules.baseline;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings a team has accepted for now, kept in {@code .tenet/baseline.json} at the checked
 * root so Tenet can be adopted on an existing codebase. Entries match by rule id and fingerprint,
 * never by line, so unrelated edits keep them matching. Only {@link #write} creates the file. A file
 * that no rule could check ({@code tenet.parse-error}) is never accepted: a baseline must not turn a
 * file nobody checks into silence.
 */
public final class Baseline {
    /** Where the baseline lives, relative to the checked root. */
    public static final String FILE = ".tenet/baseline.json";
    /** The format version this Tenet reads and writes. */
    public static final int VERSION = 1;

    /** Findings of this rule are neither written to a baseline nor hidden by one. */
    private static final String NEVER_BASELINED = "tenet.parse-error";

    private record Key(String ruleId, String fingerprint) {
    }

    private final List<BaselineEntry> entries;

    private Baseline(List<BaselineEntry> entries) {
        Map<Key, BaselineEntry> unique = new LinkedHashMap<>();
        for (BaselineEntry entry : entries) {
            if (entry.ruleId().equals(NEVER_BASELINED)) {
                continue;
            }
            unique.putIfAbsent(new Key(entry.ruleId(), entry.fingerprint()), entry);
        }
        List<BaselineEntry> sorted = new ArrayList<>(unique.values());
        sorted.sort(BaselineEntry.ORDER);
        this.entries = List.copyOf(sorted);
    }

    /** The baseline file of a checked root: {@code <root>/.tenet/baseline.json}. */
    public static Path fileIn(Path root) {
        return root.resolve(FILE);
    }

    public static Baseline empty() {
        return new Baseline(List.of());
    }

    /** A baseline accepting these findings except parse errors (what {@code tenet baseline} writes). */
    public static Baseline of(List<Finding> findings) {
        return new Baseline(findings.stream().map(BaselineEntry::of).toList());
    }

    /**
     * Reads a baseline file; a file that does not exist is an empty baseline (and is not created).
     *
     * @throws TenetInputException when the file is not a valid baseline, naming the file, the line and what was expected
     */
    public static Baseline load(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        return new Baseline(BaselineReader.read(file));
    }

    /**
     * Writes this baseline to {@code file} (creating its folder) through a temporary file and an
     * atomic move, so the file is never seen half-written.
     *
     * @throws TenetInputException when the file cannot be written
     */
    public void write(Path file) {
        BaselineWriter.write(file, entries);
    }

    /** Sorted by file, rule and fingerprint, one entry per rule and fingerprint. */
    public List<BaselineEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Splits a run's findings into the new ones and those this baseline accepts; writes nothing. */
    public BaselineResult filter(List<Finding> findings) {
        Set<Key> accepted = new HashSet<>();
        entries.forEach(entry -> accepted.add(new Key(entry.ruleId(), entry.fingerprint())));
        Set<Key> seen = new HashSet<>();
        List<Finding> fresh = new ArrayList<>();
        int baselined = 0;
        for (Finding finding : findings) {
            Key key = new Key(finding.ruleId(), finding.fingerprint());
            if (accepted.contains(key)) {
                baselined++;
                seen.add(key);
            } else {
                fresh.add(finding);
            }
        }
        return new BaselineResult(fresh, baselined, accepted.size() - seen.size());
    }
}
