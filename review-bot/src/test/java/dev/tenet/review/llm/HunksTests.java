package dev.tenet.review.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.review.change.FileChange;
import dev.tenet.review.change.LineRanges;
import dev.tenet.rules.config.TenetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HunksTests {
    @TempDir
    Path root;

    private static FileChange added(String path, int lines) {
        LineRanges all = LineRanges.of(List.of(new LineRanges.Range(1, lines)));
        return new FileChange(path, Optional.empty(), all, all);
    }

    @Test
    void aLongHunkIsSlicedAndOnlyCheckedFilesAreTaken() throws Exception {
        String source = IntStream.rangeClosed(1, 200).mapToObj(i -> "// line " + i).collect(Collectors.joining("\n", "", "\n"));
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/Big.java"), source);
        Files.writeString(root.resolve("README.md"), "# x\n");

        List<Hunks.File> files = Hunks.of(root, ChangeSet.of(List.of(added("src/Big.java", 200), added("README.md", 1))),
                TenetConfig.defaults());

        assertThat(files).singleElement().satisfies(file -> assertThat(file.hunks()).extracting(Hunk::label)
                .containsExactly("src/Big.java:1-80", "src/Big.java:81-160", "src/Big.java:161-200"));
    }

    @Test
    void aLatin1PropertyFileDoesNotStopThePass() throws Exception {
        Files.createDirectories(root.resolve("src/main/resources"));
        Files.write(root.resolve("src/main/resources/application.properties"),
                "greeting=gr\u00FC\u00DF dich\nspring.datasource.password=s3cr3t\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        List<Hunks.File> files = Hunks.of(root, ChangeSet.of(List.of(added("src/main/resources/application.properties", 2))),
                TenetConfig.defaults());

        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.hunks()).hasSize(1);
            assertThat(file.lines().get(1)).isEqualTo("spring.datasource.password=[REDACTED]");
            assertThat(file.redactions()).isEqualTo(1);
        });
    }
}
