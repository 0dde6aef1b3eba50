package dev.tenet.cli.hook;

import dev.tenet.rules.cache.FileStamps;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.model.FileModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the file models of recent checks in memory in front of the on-disk scan cache, so a long-lived
 * hook server re-parses only the file that changed and decodes nothing else. Bounded: the least recently
 * used models are dropped first.
 */
final class MemoryScanCache implements ScanCache {
    private static final int MAX_MODELS = 20_000;

    private final ScanCache disk;
    private final Map<String, FileModel> models = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FileModel> eldest) {
            return size() > MAX_MODELS;
        }
    };

    MemoryScanCache(ScanCache disk) {
        this.disk = disk;
    }

    @Override
    public Optional<FileModel> get(String key) {
        synchronized (models) {
            FileModel model = models.get(key);
            if (model != null) {
                return Optional.of(model);
            }
        }
        Optional<FileModel> stored = disk.get(key);
        stored.ifPresent(model -> remember(key, model));
        return stored;
    }

    @Override
    public void put(String key, FileModel model) {
        remember(key, model);
        disk.put(key, model);
    }

    @Override
    public FileStamps stamps(Path root, String salt) {
        return disk.stamps(root, salt);
    }

    private void remember(String key, FileModel model) {
        synchronized (models) {
            models.put(key, model);
        }
    }
}
