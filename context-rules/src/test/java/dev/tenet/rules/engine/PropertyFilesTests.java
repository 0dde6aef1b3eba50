package dev.tenet.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.testing.Codebase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spring property files are configuration evidence: one that cannot be read is an error naming the file and line. */
class PropertyFilesTests {
    @TempDir
    Path dir;

    @Test
    void readsNestedYamlKeysWithTheirLines() throws IOException {
        Path file = write("src/main/resources/application.yml", """
                spring:
                  kafka:
                    consumer:
                      enable-auto-commit: false
                """);

        assertThat(PropertyReader.read(dir, file)).containsExactly(new PropertyEntry("src/main/resources/application.yml",
                "spring.kafka.consumer.enable-auto-commit", "false", 4));
    }

    @Test
    void malformedYamlIsAnErrorNamingFileAndLine() throws IOException {
        write("src/main/resources/application-prod.yml", """
                spring:
                  kafka:
                    bootstrap-servers: [broker:9092
                  datasource:
                    url: jdbc:mysql://db/app
                """);
        Codebase codebase = new Codebase(dir).add(EngineTests.DOMAIN_WITH_SPRING);

        assertThatThrownBy(codebase::check).isInstanceOfSatisfying(TenetInputException.class, e -> {
            assertThat(e.file()).isEqualTo("src/main/resources/application-prod.yml");
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.getMessage()).startsWith("src/main/resources/application-prod.yml:4: not valid YAML: ");
        });
    }

    @Test
    void yamlThatIsNotUtf8IsAnErrorNamingTheLine() throws IOException {
        Path file = dir.resolve("application.yml");
        Files.write(file, "server:\n  port: 8080\ngreeting: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> PropertyReader.read(dir, file))
                .isInstanceOfSatisfying(TenetInputException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("application.yml:3: not UTF-8");
    }

    @Test
    void aMalformedPropertiesFileIsAnErrorNamingTheLine() throws IOException {
        Path file = write("src/main/resources/application.properties", """
                spring.application.name=progress
                spring.kafka.consumer.group-id=progress\\u00
                """);

        assertThatThrownBy(() -> PropertyReader.read(dir, file))
                .isInstanceOfSatisfying(TenetInputException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageStartingWith("src/main/resources/application.properties:2: not a valid properties file");
    }

    @Test
    void propertiesAreReadAsIso88591LikeSpringDoes() throws IOException {
        Path file = dir.resolve("application.properties");
        Files.write(file, "greeting=caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(PropertyReader.read(dir, file)).extracting(PropertyEntry::value).containsExactly("caf\u00e9");
    }

    private Path write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
