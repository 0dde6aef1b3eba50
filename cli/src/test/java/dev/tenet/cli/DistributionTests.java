package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.tenet.review.github.FakeGitHub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive the build makes ({@code cli/target/tenet-<version>.tar.gz} and {@code .zip}), installed the way a user
 * does: unpacked, {@code bin/tenet} linked into a folder on the PATH, then {@code tenet} run from there. Runs after {@code package}
 * (the {@code distribution} execution in {@code verify}), since it needs the archive.
 */
@Tag("distribution")
class DistributionTests {
    static final String VERSION = System.getProperty("tenet.version", "");
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path SAMPLE = REPOSITORY.resolve("samples/legacy-learning-service");
    static final String UNUSABLE_ARCHIVE = "Unable to use shared archive";
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"distribution-test\",\"version\":\"1\"}}}";
    static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    @TempDir
    static Path dir;
    static Path install;
    static Path pathDir;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void installFromTheArchive() throws Exception {
        Path archive = TARGET.resolve("tenet-" + VERSION + ".tar.gz");
        assertThat(archive).as("the build's distribution archive (run './mvnw -pl cli -am verify')").isRegularFile();
        Run untar = run(List.of("tar", "xzf", archive.toString(), "-C", dir.toString()), Map.of(), dir, null);
        assertThat(untar.exit()).as(untar.err()).isZero();
        install = dir.resolve("tenet-" + VERSION);
        // A relative link to a link, as package managers and ~/bin set-ups make them.
        Path links = Files.createDirectories(dir.resolve("opt/links"));
        Files.createSymbolicLink(links.resolve("tenet"), install.resolve("bin/tenet"));
        pathDir = Files.createDirectories(dir.resolve("path"));
        Files.createSymbolicLink(pathDir.resolve("tenet"), Path.of("../opt/links/tenet"));
    }

    @Test
    void theArchivesHoldTheLauncherTheJarsTheLicenceAndTheReadme() throws IOException {
        assertThat(install.resolve("bin/tenet")).isRegularFile().isExecutable();
        assertThat(install.resolve("bin/tenet-mcp")).isRegularFile().isExecutable();
        assertThat(install.resolve("lib/tenet.jar")).isRegularFile();
        assertThat(install.resolve("lib/tenet-serve.jar")).isRegularFile();
        assertThat(Files.readString(install.resolve("LICENSE"))).contains("Apache License").contains("Version 2.0, January 2004");
        assertThat(install.resolve("README.md")).hasSameTextualContentAs(REPOSITORY.resolve("README.md"));
        List<String> zipped = new ArrayList<>();
        try (ZipFile zip = new ZipFile(TARGET.resolve("tenet-" + VERSION + ".zip").toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    zipped.add(entry.getName());
                }
            }
        }
        String base = "tenet-" + VERSION + "/";
        assertThat(zipped).containsExactlyInAnyOrder(base + "bin/tenet", base + "bin/tenet-mcp", base + "lib/tenet.jar",
                base + "lib/tenet-serve.jar", base + "LICENSE", base + "README.md");
    }

    @Test
    void tenetOnThePathThroughSymlinksPrintsItsVersionAndChecksTheSample() throws Exception {
        Run version = tenet(dir, "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo("tenet " + VERSION + "\n");

        Run check = tenet(dir, "check", SAMPLE.toString(), "--no-cache", "--color", "never");
        assertThat(check.exit()).as(check.err()).isEqualTo(1);
        assertThat(check.out()).contains("[pipeline.outbox-dual-write]").contains("[pipeline.listener-not-idempotent]");
    }

    @Test
    void initWritesAnMcpConfigWhoseCommandStartsAWorkingServerAndTheSecondStartUsesTheClassDataArchive() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        new Tree(repository).pom("").java("", "package com.acme.shop.domain;\npublic record Order(String id) {}\n")
                .java("", "package com.acme.shop.adapter.web;\npublic class OrderController {}\n");
        Run init = tenet(repository, "init", ".", "--claude", "--cursor");
        assertThat(init.exit()).as(init.err()).isZero();
        JsonNode server = json.readTree(repository.resolve(".mcp.json").toFile()).path("mcpServers").path("tenet");
        List<String> command = new ArrayList<>(List.of(server.path("command").asText()));
        server.path("args").forEach(arg -> command.add(arg.asText()));

        McpSession first = mcp(command, repository);
        assertThat(first.initialize()).contains("\"serverInfo\":{\"name\":\"tenet\"");
        assertThat(first.toolsList()).contains("\"name\":\"check_code\"").contains("\"name\":\"review_changes\"");
        assertThat(first.stderr()).doesNotContain(UNUSABLE_ARCHIVE);
        assertThat(install.resolve("lib/tenet-mcp.jsa")).isRegularFile();

        String key = Files.readString(install.resolve("lib/tenet-mcp.jsa.key"));
        FileTime trained = Files.getLastModifiedTime(install.resolve("lib/tenet-mcp.jsa"));

        McpSession second = mcp(command, repository);
        assertThat(second.initialize()).contains("\"serverInfo\":{\"name\":\"tenet\"");
        assertThat(second.stderr() + second.stdout()).doesNotContain(UNUSABLE_ARCHIVE);
        assertThat(Files.readString(install.resolve("lib/tenet-mcp.jsa.key"))).isEqualTo(key).doesNotStartWith("unusable");
        assertThat(Files.getLastModifiedTime(install.resolve("lib/tenet-mcp.jsa"))).isEqualTo(trained);
    }

    @Test
    void theFirstCheckMakesTheClassDataArchiveThatLaterChecksStartFrom() throws Exception {
        Path cliArchive = install.resolve("lib/tenet-cli.jsa");
        Files.deleteIfExists(cliArchive);
        Files.deleteIfExists(install.resolve("lib/tenet-cli.jsa.key"));
        Run version = tenet(dir, "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(cliArchive).as("--version is too short to train on").doesNotExist();

        // -Xshare:on makes the JVM refuse to start rather than run without the archive it was given; the log says where each class came from.
        Path classLog = dir.resolve("class-load.log");
        Map<String, String> sharing = new HashMap<>(environment());
        sharing.put("TENET_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + classLog);
        Run first = run(List.of("/usr/bin/env", "tenet", "check", SAMPLE.toString(), "--no-cache", "--color", "never"), sharing, dir, null);
        assertThat(first.exit()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).contains("[pipeline.outbox-dual-write]");
        assertThat(cliArchive).isRegularFile();
        String key = Files.readString(install.resolve("lib/tenet-cli.jsa.key"));
        assertThat(key).doesNotStartWith("unusable");
        FileTime trained = Files.getLastModifiedTime(cliArchive);

        Run second = run(List.of("/usr/bin/env", "tenet", "check", SAMPLE.toString(), "--no-cache", "--color", "never"), sharing, dir, null);
        assertThat(second.exit()).as(second.err()).isEqualTo(1);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).doesNotContain(UNUSABLE_ARCHIVE);
        assertThat(Files.readString(install.resolve("lib/tenet-cli.jsa.key"))).isEqualTo(key);
        assertThat(Files.getLastModifiedTime(cliArchive)).isEqualTo(trained);
        assertThat(Files.readString(classLog)).contains("dev.tenet.rules.engine.Engine source: shared objects file (top)")
                .contains("com.github.javaparser.JavaParser source: shared objects file (top)");
    }

    @Test
    void aCopiedInstallRebuildsTheArchiveItCannotUseInsteadOfWarningOnEveryStart() throws Exception {
        try (McpSession original = mcp(List.of(install.resolve("bin/tenet-mcp").toString()), dir)) {
            assertThat(original.initialize()).contains("\"serverInfo\":{\"name\":\"tenet\""); // the original has its archive now
        }
        Path copy = Files.createDirectories(dir.resolve("copied")).resolve("tenet");
        Run cp = run(List.of("cp", "-Rp", install.toString(), copy.toString()), Map.of(), dir, null);
        assertThat(cp.exit()).as(cp.err()).isZero();
        assertThat(copy.resolve("lib/tenet-mcp.jsa")).isRegularFile();
        List<String> command = List.of(copy.resolve("bin/tenet").toString(), "mcp");

        McpSession first = mcp(command, dir);
        McpSession second = mcp(command, dir);

        assertThat(first.initialize()).contains("\"serverInfo\":{\"name\":\"tenet\"");
        assertThat(second.initialize()).contains("\"serverInfo\":{\"name\":\"tenet\"");
        assertThat(first.stderr() + second.stderr()).doesNotContain(UNUSABLE_ARCHIVE);
        assertThat(Files.readString(copy.resolve("lib/tenet-mcp.jsa.key"))).isNotEqualTo(Files.readString(install.resolve("lib/tenet-mcp.jsa.key")));
    }

    @Test
    void tenetHookOnThePathAnswersAnEditInProcessThenThroughItsServerFromItsClassDataArchive() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("hook-repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path service = repo.resolve(HookFixture.SERVICE);
        Files.createDirectories(service.getParent());
        Files.writeString(service, HookFixture.DUAL_WRITE);
        Path repository = repo.resolve(HookFixture.REPOSITORY);
        Files.createDirectories(repository.getParent());
        Files.writeString(repository, HookFixture.JPA_REPOSITORY);
        List<String> hook = List.of("/usr/bin/env", "tenet", "hook", "--client", "claude");
        String event = HookFixture.claudeEdit(repo, service);
        try {
            Run first = run(hook, environment(), repo, event);
            assertThat(install.resolve("lib/tenet-hook.jsa")).isRegularFile();
            Run status = tenet(repo, "hook", "--status");
            for (int polls = 0; !status.out().startsWith("hook server running") && polls < 600; polls++) {
                Thread.sleep(100);
                status = tenet(repo, "hook", "--status");
            }
            Run second = run(hook, environment(), repo, event);

            assertThat(first.exit()).as(first.err()).isEqualTo(2);
            assertThat(first.out()).isEmpty();
            assertThat(first.err()).startsWith("Tenet found 1 problem in the code just written (" + HookFixture.SERVICE + ")")
                    .contains("tenet://rules/pipeline.outbox-dual-write");
            assertThat(second).isEqualTo(first);
            assertThat(tenet(repo, "hook", "--status").out()).contains(", 1 events answered");
        } finally {
            tenet(repo, "hook", "--stop");
        }
    }

    @Test
    void withoutJavaTheLauncherSaysWhatToInstall() throws Exception {
        Path tools = Files.createDirectories(dir.resolve("tools-without-java"));
        for (String tool : List.of("bash", "dirname", "readlink")) {
            Path found = Stream.of("/usr/bin", "/bin").map(folder -> Path.of(folder, tool)).filter(Files::isExecutable).findFirst().orElseThrow();
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
        Run noJava = run(List.of(pathDir.resolve("tenet").toString(), "--version"), Map.of("PATH", tools.toString()), dir, null);
        assertThat(noJava.exit()).isEqualTo(127);
        assertThat(noJava.err()).isEqualTo("tenet: Java not found; install Java 17 or newer and put java on the PATH, or set JAVA_HOME\n");

        Run badHome = run(List.of(pathDir.resolve("tenet").toString(), "--version"),
                Map.of("PATH", tools.toString(), "JAVA_HOME", dir.resolve("no-jdk").toString()), dir, null);
        assertThat(badHome.exit()).isEqualTo(127);
        assertThat(badHome.err()).contains("has no bin/java");
    }

    @Test
    void aSymlinkToTheCheckoutsLauncherFindsTheCheckout() throws Exception {
        Path links = Files.createDirectories(dir.resolve("checkout-link"));
        Files.createSymbolicLink(links.resolve("tenet"), REPOSITORY.resolve("tenet"));

        Run version = run(List.of("/usr/bin/env", "tenet", "--version"), Map.of("PATH", links + ":" + systemPath()), dir, null);

        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo("tenet " + VERSION + "\n");
    }

    @Test
    void tenetServeFromTheInstallStartsSpringBootAndAnswersHealthAndMetrics() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/env", "tenet", "serve", "--port", "0", "--no-cache").directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment());
        Path out = Files.createTempFile(dir, "serve-out", ".txt");
        builder.redirectOutput(out.toFile());
        Process serve = builder.start();
        try {
            int port = McpCommandTests.portFrom(serve);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
            String firstLog = Files.readAllLines(out).get(0);
            assertThat(json.readTree(firstLog).path("service").path("name").asText()).as("structured (ECS JSON) logs on stdout").isEqualTo("tenet");
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void tenetServeFromTheInstallReviewsASignedPullRequestDeliveryAsAGitHubApp() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            String content = "package com.acme.learning.domain;\n\nimport org.springframework.stereotype.Component;\n\n@Component\npublic class Progress {\n}\n";
            github.files(List.of(ReviewGitHubTests.added("src/main/java/com/acme/learning/domain/Progress.java", content)));
            github.githubApp();
            Map<String, String> environment = new HashMap<>(environment());
            environment.put("TENET_GITHUB_APP_ID", "1");
            environment.put("TENET_GITHUB_APP_PRIVATE_KEY", ServeCommandTests.privateKeyPem());
            environment.put("TENET_GITHUB_WEBHOOK_SECRET", "It's a Secret to Everybody");
            ProcessBuilder builder = new ProcessBuilder("/usr/bin/env", "tenet", "serve", "--port", "0", "--no-cache", "--github-url", github.url())
                    .directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process serve = builder.start();
            try {
                int port = McpCommandTests.portFrom(serve);
                ObjectNode payload = (ObjectNode) json.readTree(
                        REPOSITORY.resolve("review-service/src/test/resources/webhooks/pull_request.opened.json").toFile());
                ((ObjectNode) payload.path("repository")).put("name", "learning");
                ((ObjectNode) payload.path("repository").path("owner")).put("login", "acme");
                ((ObjectNode) payload.path("pull_request")).put("number", 7);
                ((ObjectNode) payload.path("pull_request").path("head")).put("sha", github.headSha);
                byte[] body = json.writeValueAsBytes(payload);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec("It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/webhooks/github"))
                        .header("X-GitHub-Event", "pull_request").header("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")
                        .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                String checkRuns = FakeGitHub.API + "/check-runs";
                Instant deadline = Instant.now().plusSeconds(120);
                while (github.requests(RequestMethod.POST, checkRuns).isEmpty()) {
                    assertThat(Instant.now()).as("a check run is posted within 120 s").isBefore(deadline);
                    Thread.sleep(100);
                }
                assertThat(FakeGitHub.body(github.requests(RequestMethod.POST, checkRuns)
                        .get(0)).path("head_sha").asText()).isEqualTo(github.headSha);
            } finally {
                serve.destroy();
                serve.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Run tenet(Path workingDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", "tenet")); // env looks tenet up on the child's PATH
        command.addAll(List.of(args));
        return run(command, environment(), workingDir, null);
    }

    /** The user's PATH with the install's link folder first; HOME in the temporary folder, so caches land there. */
    private static Map<String, String> environment() {
        return Map.of("PATH", pathDir + ":" + systemPath(), "HOME", dir.resolve("home").toString());
    }

    /** java's folder and the system's tools, without any other tenet. */
    private static String systemPath() {
        return Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/bin:/usr/bin:/bin";
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> command, Map<String, String> environment, Path workingDir, String stdin) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment.isEmpty() ? environment() : environment);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 180 s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static McpSession mcp(List<String> command, Path workingDir) throws IOException {
        List<String> onPath = new ArrayList<>(command);
        if (!onPath.get(0).contains("/")) {
            onPath.add(0, "/usr/bin/env");
        }
        ProcessBuilder builder = new ProcessBuilder(onPath).directory(workingDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment());
        Path err = Files.createTempFile(dir, "mcp-err", ".txt");
        builder.redirectError(err.toFile());
        return new McpSession(builder.start(), err);
    }

    /** A client's side of a stdio MCP session: one JSON-RPC message per line. */
    static final class McpSession implements AutoCloseable {
        private final Process process;
        private final Path stderr;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder stdout = new StringBuilder();

        McpSession(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("reader failed: " + e);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String initialize() throws Exception {
            String answer = request(INITIALIZE, "\"id\":1");
            send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            return answer;
        }

        String toolsList() throws Exception {
            return request(TOOLS_LIST, "\"id\":2");
        }

        String stdout() {
            return stdout.toString();
        }

        /** Everything the server wrote on stderr, read once it has exited (closes the session). */
        String stderr() throws Exception {
            close();
            return Files.readString(stderr);
        }

        private String request(String message, String id) throws Exception {
            send(message);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    continue;
                }
                stdout.append(line).append('\n');
                if (line.contains(id)) {
                    return line;
                }
            }
            throw new AssertionError("no answer to " + message + "; stderr: " + Files.readString(stderr));
        }

        private void send(String message) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.getOutputStream().close();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            String rest;
            while ((rest = lines.poll()) != null) {
                stdout.append(rest).append('\n');
            }
        }
    }
}
