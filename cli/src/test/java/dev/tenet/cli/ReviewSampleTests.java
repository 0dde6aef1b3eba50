package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed {@code samples/review/review.md} is what {@code tenet review} prints for the sample change. */
class ReviewSampleTests {
    static final Path SAMPLE = Path.of("../samples/review").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theSampleReviewIsWhatTenetPrintsForTheSampleChange() throws Exception {
        Path repository = dir.resolve("learning-service");
        try (GitRepo repo = GitRepo.init(repository)) {
            copy(SAMPLE.resolve("before"), repository);
            repo.commitAll("before");
            copy(SAMPLE.resolve("after"), repository);
            repo.commitAll("after");
        }
        Cli.Result result = Cli.run("review", repository.toString(), "--base", "HEAD~1", "--format", "markdown", "--no-cache");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        GoldenFile.assertMatches(SAMPLE.resolve("review.md"), result.out());
        assertThat(result.out()).contains("layering.domain-no-framework").doesNotContain("ProgressService");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
