package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
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

                import jakarta.persistence.Entity;

                @Entity
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
            assertThat(all.get("compared")).isEqualTo("HEAD..working tree");
            assertThat(StdioToolsTests.list(all.get("findings"))).extracting(f -> f.get("file"))
                    .containsExactlyInAnyOrder("src/main/java/com/acme/domain/New.java", "src/main/java/com/acme/domain/Old.java");
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
