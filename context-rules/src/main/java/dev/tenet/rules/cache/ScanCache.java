package dev.tenet.rules.cache;

import dev.tenet.rules.model.FileModel;
import java.util.Optional;

/** Keeps what phase one learned about a file, keyed by the file's path and content. */
public interface ScanCache {
    /**
     * @param key a digest of the engine build, the file's path and its content
     * @return the model stored under that key, if any
     */
    Optional<FileModel> get(String key);

    /**
     * @param key   as for {@link #get}
     * @param model the file's model
     */
    void put(String key, FileModel model);

    /** A cache that keeps nothing. */
    static ScanCache none() {
        return new ScanCache() {
            @Override
            public Optional<FileModel> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, FileModel model) {
            }
        };
    }
}
