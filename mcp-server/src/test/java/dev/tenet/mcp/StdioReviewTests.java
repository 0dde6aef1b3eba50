package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review_changes} over stdio on a real git repository: findings on the changed lines only. */
class StdioReviewTests {
    @TempDir
    Path temp;

    @Test
    void reviewsUncommittedChangesAndAGivenBase() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Fixtures.write(repo, "src/main/java/com/acme/domain/Old.java", """
                package com.acme.domain;

                import org.springframework.stereotype.Component;

                @Component
                public class Old {
                }
                """);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("old code").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
        }
        Fixtures.write(repo, "src/main/java/com/acme/domain/New.java", """
                package com.acme.domain;

                import org.springframework.stereotype.Component;

                @Component
                public class New {
                }
                """);
        McpSyncClient client = McpClients.stdio(repo, temp.resolve("cache"));
        try {
            Map<String, Object> uncommitted = StdioToolsTests.structured(client.callTool(new McpSchema.CallToolRequest("review_changes", Map.of())));
            Map<String, Object> all = StdioToolsTests.structured(client.callTool(
                    new McpSchema.CallToolRequest("review_changes", Map.of("base", "HEAD", "scope", "all"))));

            assertThat(StdioToolsTests.list(uncommitted.get("findings"))).singleElement().satisfies(f -> assertThat(f)
                    .containsEntry("ruleId", "layering.domain-no-framework")
                    .containsEntry("file", "src/main/java/com/acme/domain/New.java"));
            assertThat(uncommitted).containsEntry("changedFiles", 1);
            assertThat((String) uncommitted.get("compared")).as("no upstream is configured, so none is claimed")
                    .startsWith("HEAD..working tree: every uncommitted change").contains("no upstream branch is configured")
                    .doesNotContain("@{upstream}");
            track(repo, "origin", "main");
            Map<String, Object> notFetched = StdioToolsTests.structured(client.callTool(new McpSchema.CallToolRequest("review_changes", Map.of())));
            assertThat((String) notFetched.get("compared")).startsWith("HEAD..working tree: every uncommitted change")
                    .contains("the upstream branch origin/main is not fetched");
            assertThat(all.get("compared")).isEqualTo("HEAD..working tree");
            assertThat(StdioToolsTests.list(all.get("findings"))).extracting(f -> f.get("file"))
                    .containsExactlyInAnyOrder("src/main/java/com/acme/domain/New.java", "src/main/java/com/acme/domain/Old.java");
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void withAnUpstreamBranchTheDefaultBaseIsThatBranchAndTheResultSaysSo() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("tracked"));
        Fixtures.write(repo, "README.md", "service\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            RevCommit first = git.commit().setMessage("start").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
            RefUpdate tracking = git.getRepository().updateRef("refs/remotes/origin/main");
            tracking.setNewObjectId(first);
            tracking.update();
            track(repo, "origin", "main");
            Fixtures.write(repo, "src/main/java/com/acme/domain/Committed.java", """
                    package com.acme.domain;

                    import org.springframework.stereotype.Component;

                    @Component
                    public class Committed {
                    }
                    """);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("on the branch").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
        }
        McpSyncClient client = McpClients.stdio(repo, temp.resolve("cache"));
        try {
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("review_changes", Map.of()));
            Map<String, Object> review = StdioToolsTests.structured(result);

            assertThat(review.get("compared")).isEqualTo("origin/main..working tree (the upstream branch)");
            assertThat(StdioToolsTests.list(review.get("findings"))).extracting(f -> f.get("file"))
                    .containsExactly("src/main/java/com/acme/domain/Committed.java");
            assertThat(StdioToolsTests.text(result)).startsWith("Compared origin/main..working tree (the upstream branch) (1 changed file).");
        } finally {
            client.closeGracefully();
        }
    }

    /** Configures {@code branch} to follow {@code remote}'s branch of the same name, as a clone does. */
    private static void track(Path repo, String remote, String branch) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", remote, "url", "https://git.example/acme/" + repo.getFileName() + ".git");
            config.setString("remote", remote, "fetch", "+refs/heads/*:refs/remotes/" + remote + "/*");
            config.setString("branch", branch, "remote", remote);
            config.setString("branch", branch, "merge", "refs/heads/" + branch);
            config.save();
        }
    }

    @Test
    void aNewCallThatMakesADualWriteThroughAHelperIsReportedAtThatCallWithItsPath() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("orders"));
        String service = "src/main/java/com/acme/orders/OrderService.java";
        String serviceCode = """
                package com.acme.orders;

                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.transaction.annotation.Transactional;

                public class OrderService {
                    private final JdbcTemplate jdbcTemplate;
                    private final PaymentPublisher publisher;

                    OrderService(JdbcTemplate jdbcTemplate, PaymentPublisher publisher) {
                        this.jdbcTemplate = jdbcTemplate;
                        this.publisher = publisher;
                    }

                    @Transactional
                    public void record(String orderId) {
                        jdbcTemplate.update("UPDATE orders SET paid = true WHERE id = ?", orderId);
                    }
                }
                """;
        Fixtures.write(repo, service, serviceCode);
        Fixtures.write(repo, "src/main/java/com/acme/orders/PaymentPublisher.java", """
                package com.acme.orders;

                import org.springframework.kafka.core.KafkaTemplate;

                public class PaymentPublisher {
                    private final KafkaTemplate<String, String> kafkaTemplate;

                    PaymentPublisher(KafkaTemplate<String, String> kafkaTemplate) {
                        this.kafkaTemplate = kafkaTemplate;
                    }

                    public void publish(String orderId) {
                        kafkaTemplate.send("payments", orderId, orderId);
                    }
                }
                """);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("orders").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
        }
        Fixtures.write(repo, service, serviceCode.replace("orderId);\n", "orderId);\n        publisher.publish(orderId);\n"));
        McpSyncClient client = McpClients.stdio(repo, temp.resolve("cache"));
        try {
            Map<String, Object> review = StdioToolsTests.structured(client.callTool(new McpSchema.CallToolRequest("review_changes", Map.of())));

            assertThat(StdioToolsTests.list(review.get("findings"))).singleElement().satisfies(f -> {
                assertThat(f).containsEntry("ruleId", "pipeline.outbox-dual-write").containsEntry("file", service)
                        .containsEntry("startLine", 18).containsEntry("column", 9);
                assertThat((String) f.get("message")).startsWith("This call publishes to Kafka (kafkaTemplate.send() via PaymentPublisher#publish)");
                assertThat(StdioToolsTests.list(f.get("path"))).extracting(step -> step.get("line") + ":" + step.get("column") + " " + step.get("label"))
                        .containsExactly("18:9 calls PaymentPublisher#publish", "13:9 publishes to Kafka (kafkaTemplate.send())");
                assertThat(StdioToolsTests.list(f.get("related"))).singleElement().satisfies(step -> assertThat(step).containsEntry("line", 17));
            });
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void aWorkspaceOutsideGitIsAToolError() throws Exception {
        McpSyncClient client = McpClients.stdio(Files.createDirectories(temp.resolve("plain")), temp.resolve("cache"));
        try {
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("review_changes", Map.of()));

            assertThat(result.isError()).isTrue();
            assertThat(StdioToolsTests.text(result)).contains("git");
        } finally {
            client.closeGracefully();
        }
    }
}
