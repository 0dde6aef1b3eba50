package dev.tenet.scaffold.generate;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.io.AtomicFiles;
import dev.tenet.rules.io.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes generated files: into a temporary directory first, moved into place only when every file is written. */
public final class ProjectWriter {
    private ProjectWriter() {
    }

    /** Writes a whole new service into {@code target}, which must not exist or be empty. */
    public static void writeNew(GeneratedFiles files, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && (!Files.isDirectory(absolute) || !isEmpty(absolute))) {
            throw new TenetInputException(target.toString(), 0, "the target directory is not empty; choose a new directory");
        }
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, ".tenet-new-");
            try {
                writeAll(files, files.files(), staging);
                if (Files.exists(absolute)) {
                    Files.delete(absolute);
                }
                AtomicFiles.move(staging, absolute);
            } finally {
                Folders.deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes some files into an existing service: staged next to it first, then each moved over its path. */
    public static void writeInto(GeneratedFiles files, Map<String, byte[]> selected, Path service) {
        Path absolute = service.toAbsolutePath().normalize();
        try {
            Path staging = Files.createTempDirectory(absolute, ".tenet-add-");
            try {
                writeAll(files, selected, staging);
                for (String path : selected.keySet()) {
                    Path destination = absolute.resolve(path);
                    Files.createDirectories(destination.getParent());
                    AtomicFiles.move(staging.resolve(path), destination);
                }
            } finally {
                Folders.deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + service + ": " + e.getMessage(), e);
        }
    }

    /** Deletes files of a service (those a newer Tenet no longer generates), and the folders that leaves empty. */
    public static void delete(List<String> paths, Path service) {
        Path absolute = service.toAbsolutePath().normalize();
        try {
            for (String path : paths) {
                Path file = absolute.resolve(path);
                Files.deleteIfExists(file);
                for (Path folder = file.getParent(); !folder.equals(absolute) && isEmpty(folder); folder = folder.getParent()) {
                    Files.delete(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from " + service + ": " + e.getMessage(), e);
        }
    }

    private static void writeAll(GeneratedFiles files, Map<String, byte[]> selected, Path root) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        for (Map.Entry<String, byte[]> file : selected.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
            if (posix && files.isExecutable(file.getKey())) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
