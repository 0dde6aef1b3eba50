package dev.tenet.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTests {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndCreatesItsFolderLeavingNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a/b/report.txt");
        AtomicFiles.write(file, bytes("first"));
        AtomicFiles.writeDurably(file, bytes("second"));

        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(listing(file.getParent())).containsExactly("report.txt");
    }

    @Test
    void theFileGetsTheFoldersUsualModeNotAnOwnerOnlyOne() throws IOException {
        Path file = dir.resolve(".tenet/baseline.json");
        AtomicFiles.writeDurably(file, bytes("{}"));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aFailedWriteLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path target = Files.createDirectories(dir.resolve("target-is-a-folder"));
        Files.writeString(target.resolve("kept.txt"), "kept");

        assertThatThrownBy(() -> AtomicFiles.write(target, bytes("new"))).isInstanceOf(IOException.class);
        assertThat(Files.readString(target.resolve("kept.txt"))).isEqualTo("kept");
        assertThat(listing(dir)).containsExactly("target-is-a-folder");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static java.util.List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
