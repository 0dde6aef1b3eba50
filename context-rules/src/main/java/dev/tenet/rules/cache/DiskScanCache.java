package dev.tenet.rules.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.rules.model.FileModel;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A {@link ScanCache} in a directory of the user's cache folder (never in the checked tree): one
 * small file per key. A damaged entry is treated as a miss; writes go through a temporary file and
 * a rename, so concurrent runs never read half an entry.
 */
public final class DiskScanCache implements ScanCache {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path directory;

    public DiskScanCache(Path directory) {
        this.directory = directory;
    }

    /** {@code $TENET_CACHE_DIR}, else {@code $XDG_CACHE_HOME/tenet}, else {@code ~/.cache/tenet}. */
    public static Path defaultDirectory() {
        String explicit = System.getenv("TENET_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tenet");
    }

    @Override
    public Optional<FileModel> get(String key) {
        Path file = entry(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), FileModel.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, FileModel model) {
        Path file = entry(key);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), key, ".tmp");
            JSON.writeValue(temp.toFile(), model);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // A cache that cannot be written only costs speed; the check itself goes on.
        }
    }

    private Path entry(String key) {
        return directory.resolve("scan").resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}
