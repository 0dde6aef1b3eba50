package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet serve}'s start-up errors, from a real process: one line on stderr, exit 2, no stack trace, no secret. */
class ServeCommandTests {
    @TempDir
    Path temp;

    record Exit(int code, String err) {
    }

    @Test
    void aGitHubAppWithoutTheWebhookSecretStopsWithOneLine() throws Exception {
        Exit exit = serve(Map.of("TENET_GITHUB_APP_ID", "1", "TENET_GITHUB_APP_PRIVATE_KEY", privateKeyPem()), "--port", "0");

        assertThat(exit.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(exit.err().lines()).containsExactly("tenet: the webhook needs GitHub's webhook secret in TENET_GITHUB_WEBHOOK_SECRET "
                + "(the same value as in the GitHub App's settings)");
    }

    @Test
    void anUnreadableOrInvalidKeyStopsWithOneLineThatDoesNotShowTheKey() throws Exception {
        Exit missingFile = serve(Map.of("TENET_GITHUB_WEBHOOK_SECRET", "s3cret-s3cret"), "--port", "0", "--app-id", "1",
                "--app-key", temp.resolve("absent.pem").toString());
        String notAKey = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----\n";
        Exit invalid = serve(Map.of("TENET_GITHUB_WEBHOOK_SECRET", "s3cret-s3cret", "TENET_GITHUB_APP_ID", "1",
                "TENET_GITHUB_APP_PRIVATE_KEY", notAKey), "--port", "0");

        assertThat(missingFile.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingFile.err().lines()).hasSize(1).first().asString().contains("absent.pem", "cannot read --app-key");
        assertThat(invalid.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(invalid.err().lines()).containsExactly("tenet: the GitHub App's private key is not a valid RSA private key in PEM "
                + "(--app-key FILE or TENET_GITHUB_APP_PRIVATE_KEY)");
        assertThat(invalid.err()).doesNotContain("bm90IGEga2V5");
    }

    @Test
    void aPortInUseStopsWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Exit exit = serve(Map.of(), "--port", String.valueOf(taken.getLocalPort()), "--no-cache");

            assertThat(exit.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(exit.err().lines()).containsExactly("tenet: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is already in use (choose another with --port)");
        }
    }

    private Exit serve(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TenetCommand.class.getName(), "serve", "--workspace", temp.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("TENET_") || name.startsWith("GITHUB_"));
        builder.environment().putAll(environment);
        Path err = Files.createTempFile(temp, "err", ".txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tenet serve did not stop");
        }
        return new Exit(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    static String privateKeyPem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
