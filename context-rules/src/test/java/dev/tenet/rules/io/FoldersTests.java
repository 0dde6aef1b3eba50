package dev.tenet.rules.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTests {
    @TempDir
    Path dir;

    @Test
    void deletesTheTreeAndTheLinksInItButNotWhatTheyPointTo() throws IOException {
        Path keptFolder = Files.createDirectories(dir.resolve("kept"));
        Path kept = Files.writeString(keptFolder.resolve("kept.txt"), "kept");
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("file.txt"), "x");
        Files.createSymbolicLink(dir.resolve("tree/a/link-to-folder"), keptFolder);

        Folders.deleteTree(dir.resolve("tree"));
        Folders.deleteTree(dir.resolve("never-existed"));

        assertThat(dir.resolve("tree")).doesNotExist();
        assertThat(kept).hasContent("kept");
    }
}
