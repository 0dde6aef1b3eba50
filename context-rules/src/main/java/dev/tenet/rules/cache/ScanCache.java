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

    /** Whether this cache keeps anything; when it keeps nothing the engine does not compute keys for it. */
    default boolean keepsModels() {
        return true;
    }

    /**
     * The stamps (size, modification time, content key) of a tree's files from the last run.
     *
     * @param root the checked tree
     * @param salt the engine build, so that stamps of another build are never trusted
     * @return stamps to consult and update; {@link FileStamps#none()} when the cache keeps none
     */
    default FileStamps stamps(java.nio.file.Path root, String salt) {
        return FileStamps.none();
    }

    /**
     * This cache's file models without its per-tree stamps: for a throw-away tree (a temporary folder checked
     * once), whose stamps would be written under a new name every time and never read again.
     */
    default ScanCache withoutStamps() {
        ScanCache models = this;
        return new ScanCache() {
            @Override
            public Optional<FileModel> get(String key) {
                return models.get(key);
            }

            @Override
            public void put(String key, FileModel model) {
                models.put(key, model);
            }
        };
    }

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

            @Override
            public boolean keepsModels() {
                return false;
            }
        };
    }
}
