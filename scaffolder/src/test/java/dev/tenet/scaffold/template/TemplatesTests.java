package dev.tenet.scaffold.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TemplatesTests {
    private static final Path SOURCE = Path.of("src/main/resources/tenet/templates");

    @Test
    void theIndexListsExactlyTheTemplateFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCE)) {
            assertThat(Templates.list()).containsExactlyElementsOf(files.filter(Files::isRegularFile)
                    .map(p -> SOURCE.relativize(p).toString().replace('\\', '/')).filter(p -> !p.equals("index.txt")).sorted().toList());
        }
    }

    @Test
    void templatesAreReadByName() {
        assertThat(Templates.read("java/adapter/Listener.java.mustache")).contains("@KafkaListener");
        assertThatThrownBy(() -> Templates.read("nope.mustache")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingValueIsAnErrorNotAnEmptyString() {
        assertThatThrownBy(() -> new MustacheRenderer().render("java/domain/Outbox.java.mustache", Map.of("package", "p")))
                .hasMessageContaining("Outbox.java.mustache");
    }
}
