package dev.tenet.scaffold.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.rules.TenetInputException;
import dev.tenet.scaffold.Scaffolder;
import dev.tenet.scaffold.spec.SpecParser;
import dev.tenet.scaffold.template.MustacheRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWriterTests {
    private static final String SPEC = dev.tenet.scaffold.spec.SpecParserTests.MINIMAL;

    @Test
    void aNonEmptyTargetIsRefusedAndLeftAlone(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("mine.txt"), "x");
        assertThatThrownBy(() -> new Scaffolder().generate(SpecParser.parse(SPEC, "p.yaml"), temp))
                .isInstanceOf(TenetInputException.class).hasMessageContaining("not empty");
        try (var entries = Files.list(temp)) {
            assertThat(entries).containsExactly(temp.resolve("mine.txt"));
        }
    }

    @Test
    void aFailingContributorLeavesNoHalfWrittenService(@TempDir Path temp) {
        ProjectContributor failing = (model, files) -> {
            throw new IllegalStateException("boom");
        };
        ServiceGenerator generator = new ServiceGenerator(new MustacheRenderer(),
                List.of(new dev.tenet.scaffold.contributor.BuildContributor(), failing));
        Path target = temp.resolve("svc");
        assertThatThrownBy(() -> new Scaffolder(generator).generate(SpecParser.parse(SPEC, "p.yaml"), target)).hasMessage("boom");
        assertThat(target).doesNotExist();
    }

    @Test
    void anEmptyTargetDirectoryIsFilledAndNoStagingDirectoryRemains(@TempDir Path temp) throws Exception {
        Path target = Files.createDirectory(temp.resolve("svc"));
        new Scaffolder().generate(SpecParser.parse(SPEC, "p.yaml"), target);
        assertThat(target.resolve("pom.xml")).exists();
        try (var entries = Files.list(temp)) {
            assertThat(entries).containsExactly(target);
        }
    }

    @Test
    void theGenerationRecordHashesEveryOtherFile(@TempDir Path temp) throws Exception {
        Path target = temp.resolve("svc");
        List<String> written = new Scaffolder().generate(SpecParser.parse(SPEC, "p.yaml"), target);
        GenerationRecord record = GenerationRecord.read(target);
        assertThat(record.files().keySet()).containsExactlyInAnyOrderElementsOf(
                written.stream().filter(p -> !p.equals(GenerationRecord.PATH)).toList());
        assertThat(record.files().get("pom.xml")).isEqualTo(GenerationRecord.sha256(Files.readAllBytes(target.resolve("pom.xml"))));
    }
}
