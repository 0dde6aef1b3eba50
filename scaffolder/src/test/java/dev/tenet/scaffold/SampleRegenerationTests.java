package dev.tenet.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files: the committed {@code samples/learning-progress/} is exactly what {@code tenet new}
 * generates from {@code samples/learning-progress.yaml}. After a deliberate template change, run with
 * {@code -Dtenet.sample.update=true} to rewrite the sample, and review the diff.
 */
class SampleRegenerationTests {
    static final Path REPO = Path.of(System.getProperty("tenet.repo", "..")).toAbsolutePath().normalize();
    static final Path SPEC = REPO.resolve("samples/learning-progress.yaml");
    static final Path SAMPLE = REPO.resolve("samples/learning-progress");

    static PipelineSpec sampleSpec() throws IOException {
        return SpecParser.parse(Files.readString(SPEC), "samples/learning-progress.yaml");
    }

    @Test
    void regeneratingTheSampleGivesTheCommittedFiles(@TempDir Path temp) throws IOException {
        PipelineSpec spec = sampleSpec();
        if (Boolean.getBoolean("tenet.sample.update")) {
            Path fresh = temp.resolve("fresh");
            new Scaffolder().generate(spec, fresh);
            deleteTree(SAMPLE);
            Files.move(fresh, SAMPLE);
        }
        GeneratedFiles files = new Scaffolder().plan(spec);

        assertThat(SAMPLE).as("the committed sample %s is missing; to write it deliberately, run with -Dtenet.sample.update=true"
                + " and review the diff", SAMPLE).isDirectory();
        assertThat(committedPaths()).as("the exact list of generated paths").containsExactlyElementsOf(files.files().keySet());
        for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
            assertThat(new String(Files.readAllBytes(SAMPLE.resolve(file.getKey())), StandardCharsets.UTF_8))
                    .as(file.getKey()).isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> committedPaths() throws IOException {
        try (Stream<Path> paths = Files.walk(SAMPLE)) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> SAMPLE.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("target/") && !p.startsWith(".tenet/cache/"))
                    .sorted().toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
