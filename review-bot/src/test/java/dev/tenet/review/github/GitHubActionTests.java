package dev.tenet.review.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The composite action (review-bot/action.yml): it parses, and its jar steps, run by bash, pick and install the right jar. */
class GitHubActionTests {
    @TempDir
    Path dir;
    WireMockServer releases;
    Map<String, Object> action;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void load() throws IOException {
        action = new Yaml().load(Files.readString(Path.of("action.yml")));
        releases = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        releases.start();
    }

    @AfterEach
    void stop() {
        releases.stop();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> step(String id) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
        return steps.stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow(() -> new AssertionError("no step " + id));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> installStep() {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
        return steps.stream().filter(s -> String.valueOf(s.get("if")).contains("steps.jar-cache.outputs.cache-hit")).findFirst().orElseThrow();
    }

    /** Runs a step's script as the runner would, with {@code env}; returns GITHUB_OUTPUT's lines as a map plus "stdout". */
    private Map<String, String> run(Map<String, Object> step, Map<String, String> env) throws Exception {
        Path output = Files.createTempFile(dir, "output", ".txt");
        ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-c", (String) step.get("run")).redirectErrorStream(true);
        bash.environment().putAll(env);
        bash.environment().put("GITHUB_OUTPUT", output.toString());
        Process process = bash.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(stdout).isZero();
        Map<String, String> outputs = new HashMap<>();
        for (String line : Files.readAllLines(output)) {
            outputs.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        outputs.put("stdout", stdout);
        return outputs;
    }

    private Path actionSource() throws IOException {
        Path root = dir.resolve("action-checkout");
        Files.createDirectories(root.resolve("review-bot"));
        Files.createDirectories(root.resolve("cli/src"));
        Files.writeString(root.resolve("review-bot/action.yml"), "name: Tenet review\n");
        Files.writeString(root.resolve("cli/src/Main.java"), "class Main {}\n");
        return root;
    }

    private Map<String, String> jarStep(Path source, String version) throws Exception {
        return run(step("jar"), Map.of("TENET_VERSION", version, "ACTION_PATH", source.resolve("review-bot").toString(),
                "TENET_RELEASES", "http://127.0.0.1:" + releases.port() + "/tenet-dev/tenet/releases/download"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theActionParsesAndCachesTheJarUnderTheKeyOfWhatItRuns() {
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        inputs.forEach((name, input) -> assertThat(((Map<String, Object>) input).get("description")).as(name).isNotNull());
        assertThat(((Map<String, Object>) inputs.get("version")).get("default")).isEqualTo("");
        Map<String, Object> cache = (Map<String, Object>) step("jar-cache").get("with");
        assertThat(cache.get("key")).isEqualTo("tenet-jar-${{ runner.os }}-${{ steps.jar.outputs.key }}");
        assertThat(cache.get("path")).isEqualTo("~/.cache/tenet-action/${{ steps.jar.outputs.key }}");
        assertThat((String) step("review").get("run")).contains("-jar \"$HOME/.cache/tenet-action/$JAR_KEY/tenet.jar\"");
        assertThat(((Map<String, Object>) step("review").get("env")).get("JAR_KEY")).isEqualTo("${{ steps.jar.outputs.key }}");
    }

    @Test
    void withoutAVersionTheKeyFollowsTheActionsSourceSoAMovedRefRebuilds() throws Exception {
        Path source = actionSource();
        String first = jarStep(source, "").get("key");
        assertThat(first).matches("source-[0-9a-f]{20}");
        assertThat(jarStep(source, "").get("key")).as("same source, same jar").isEqualTo(first);
        Files.writeString(source.resolve("cli/src/Main.java"), "class Main { int changed; }\n");
        assertThat(jarStep(source, "").get("key")).as("the ref moved to new source").isNotEqualTo(first);
    }

    @Test
    void aReleasedVersionInstallsTheJarOfItsDistributionArchive() throws Exception {
        Path staging = dir.resolve("staging/tenet-0.3.0/lib");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("tenet.jar"), "the 0.3.0 jar");
        Path archive = dir.resolve("tenet-0.3.0.tar.gz");
        Process tar = new ProcessBuilder("tar", "czf", archive.toString(), "-C", dir.resolve("staging").toString(), "tenet-0.3.0").start();
        assertThat(tar.waitFor()).isZero();
        String path = "/tenet-dev/tenet/releases/download/v0.3.0/tenet-0.3.0.tar.gz";
        releases.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(Files.readAllBytes(archive))));

        Map<String, String> chosen = jarStep(actionSource(), "v0.3.0");
        assertThat(chosen.get("key")).isEqualTo("release-0.3.0");
        assertThat(chosen.get("archive")).isEqualTo("http://127.0.0.1:" + releases.port() + path);

        Path home = dir.resolve("home");
        run(installStep(), Map.of("HOME", home.toString(), "JAR_KEY", chosen.get("key"), "ARCHIVE", chosen.get("archive"),
                "ACTION_PATH", dir.resolve("nowhere").toString()));
        assertThat(home.resolve(".cache/tenet-action/release-0.3.0/tenet.jar")).hasContent("the 0.3.0 jar");
    }

    @Test
    void aVersionWithoutAReleaseArchiveFallsBackToTheSourceWithAWarning() throws Exception {
        Map<String, String> chosen = jarStep(actionSource(), "9.9.9");
        assertThat(chosen.get("key")).startsWith("source-");
        assertThat(chosen.get("archive")).isEmpty();
        assertThat(chosen.get("stdout")).contains("::warning::Tenet 9.9.9 has no release archive at http://127.0.0.1:");
    }
}
