package dev.tenet.rules.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import dev.tenet.rules.io.AtomicFiles;
import dev.tenet.rules.model.FileModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ScanCache} in a directory of the user's cache folder (never in the checked tree): one
 * small binary file per content key ({@link ModelCodec}), plus one Smile stamps file per checked tree. A damaged
 * entry is treated as a miss; writes go through a temporary file and a rename, so concurrent runs
 * never read half an entry.
 */
public final class DiskScanCache implements ScanCache {
    private static final ObjectMapper SMILE = SmileMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<Map<String, FileStamps.Stamp>> STAMPS = new TypeReference<>() {
    };
    private final Path directory;

    public DiskScanCache(Path directory) {
        this.directory = directory;
    }

    /** {@code $TENET_CACHE_DIR}, else {@code $XDG_CACHE_HOME/tenet}, else {@code ~/.cache/tenet} (see {@link CacheDirectory}). */
    public static Path defaultDirectory() {
        return CacheDirectory.resolve();
    }

    @Override
    public Optional<FileModel> get(String key) {
        Path file = entry(key);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            return Optional.of(ModelCodec.read(in));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, FileModel model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                ModelCodec.write(out, model);
            }
            AtomicFiles.write(entry(key), bytes.toByteArray());
        } catch (IOException e) {
            // A cache that cannot be written only costs speed; the check itself goes on.
        }
    }

    @Override
    public FileStamps stamps(Path root, String salt) {
        Path file = stampsFile(root, salt);
        Map<String, FileStamps.Stamp> previous = Map.of();
        long takenAt = 0;
        try {
            previous = SMILE.readValue(Files.readAllBytes(file), STAMPS);
            takenAt = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException | RuntimeException e) {
            // no stamps yet: every file is read and hashed
        }
        return new FileStamps(previous, takenAt) {
            @Override
            public void save() {
                try {
                    AtomicFiles.write(file, SMILE.writeValueAsBytes(recorded()));
                } catch (IOException e) {
                    // only costs speed next time
                }
            }
        };
    }

    private Path entry(String key) {
        return directory.resolve("scan").resolve(key.substring(0, 2)).resolve(key + ".bin");
    }

    private Path stampsFile(Path root, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((salt + "\u0000" + root).getBytes(StandardCharsets.UTF_8));
            return directory.resolve("stamps").resolve(HexFormat.of().formatHex(digest, 0, 16) + ".smile");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
