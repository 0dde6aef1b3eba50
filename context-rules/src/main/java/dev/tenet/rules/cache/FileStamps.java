package dev.tenet.rules.cache;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a tree's files looked like on the last run — size and modification time per path, with the
 * content key they had — so that unchanged files need not be read and hashed again. Like git's
 * index, an entry is trusted only when the file was modified well before the stamps were taken
 * (a file changed within the same clock tick as the last run is read again).
 */
public class FileStamps {
    /** How much older than the last run a modification must be to trust its stamp. */
    static final long RACY_WINDOW_MILLIS = 2_000;

    /** One file's stamp. */
    public record Stamp(long size, long modifiedMillis, String key) {
    }

    private final Map<String, Stamp> previous;
    private final long takenAtMillis;
    private final Map<String, Stamp> current = new ConcurrentHashMap<>();

    FileStamps(Map<String, Stamp> previous, long takenAtMillis) {
        this.previous = Map.copyOf(previous);
        this.takenAtMillis = takenAtMillis;
    }

    /** Stamps that remember nothing. */
    public static FileStamps none() {
        return new FileStamps(Map.of(), 0);
    }

    /** The content key of a file that has not changed since the last run, if it can be trusted. */
    public Optional<String> keyOf(String path, long size, long modifiedMillis) {
        Stamp stamp = previous.get(path);
        if (stamp == null || stamp.size() != size || stamp.modifiedMillis() != modifiedMillis
                || modifiedMillis > takenAtMillis - RACY_WINDOW_MILLIS) {
            return Optional.empty();
        }
        return Optional.of(stamp.key());
    }

    /** Records a file's stamp for the next run. */
    public void record(String path, long size, long modifiedMillis, String key) {
        current.put(path, new Stamp(size, modifiedMillis, key));
    }

    /** Keeps this run's stamps for the next run; stamps that cannot be kept only cost speed. */
    public void save() {
    }

    Map<String, Stamp> recorded() {
        return current;
    }
}
