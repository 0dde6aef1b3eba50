package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewLocalTests {
    static final String CLEAN_DOMAIN = """
            package com.acme.learning.domain;

            public record UserId(String value) {
            }
            """;
    /** A team that keeps its domain free of Spring raises domain-no-framework (info by default) to error. */
    static final String SPRING_FREE_DOMAIN = "rules:\n  layering.domain-no-framework: error\n";
    static final String FRAMEWORK_DOMAIN = """
            package com.acme.learning.domain;

            import org.springframework.stereotype.Component;

            @Component
            public class TrainingProgress {
                private String userId;
                private long minutes;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void keepsOnlyFindingsOnTheLinesTheCommitsChanged() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write(".tenet/config.yml", SPRING_FREE_DOMAIN)
                    .write("src/main/java/com/acme/learning/domain/TrainingProgress.java", FRAMEWORK_DOMAIN)
                    .write("src/main/java/com/acme/learning/domain/UserId.java", CLEAN_DOMAIN).commitAll("one");
            repo.write("src/main/java/com/acme/learning/domain/UserId.java", CLEAN_DOMAIN.replace("public record",
                    "import org.springframework.util.Assert;\n\npublic record")).commitAll("two");

            Cli.Result lines = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "--no-cache");
            assertThat(lines.exitCode()).as(lines.err()).isEqualTo(1);
            assertThat(findings(lines)).containsExactly("layering.domain-no-framework src/main/java/com/acme/learning/domain/UserId.java:3");
            assertThat(lines.err()).contains("1 finding(s) outside the --scope lines not shown");

            Cli.Result all = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "--scope", "all", "--no-cache");
            assertThat(findings(all)).hasSize(2);
        }
    }

    @Test
    void saysOnceThatLayeringWasNotReviewedWhenTheLayoutIsNotRecognised() throws Exception {
        String ledger = "package com.acme.ledger;\n\npublic class Ledger {\n}\n";
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write("src/main/java/com/acme/ledger/Ledger.java", ledger).commitAll("one");
            repo.write("src/main/java/com/acme/ledger/Ledger.java", ledger.replace("{\n}", "{\n    private long total;\n}")).commitAll("two");

            Cli.Result review = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "--no-cache");

            assertThat(review.exitCode()).as(review.err()).isZero();
            assertThat(review.err()).containsOnlyOnce("tenet: not reviewed: Layering rules were not run")
                    .contains("Run 'tenet init' to propose a configuration.");
        }
    }

    @Test
    void followsRenamesAndIgnoresDeletedFiles() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write(".tenet/config.yml", SPRING_FREE_DOMAIN)
                    .write("src/main/java/com/acme/learning/domain/TrainingProgress.java", FRAMEWORK_DOMAIN)
                    .write("src/main/java/com/acme/learning/domain/Gone.java", FRAMEWORK_DOMAIN.replace("TrainingProgress", "Gone"))
                    .commitAll("one");
            repo.rename("src/main/java/com/acme/learning/domain/TrainingProgress.java", "src/main/java/com/acme/learning/domain/Progress.java");
            repo.write("src/main/java/com/acme/learning/domain/Progress.java",
                    FRAMEWORK_DOMAIN.replace("class TrainingProgress", "class Progress").replace("private long minutes;", "private long minutes;\n    private long sessions;"));
            repo.delete("src/main/java/com/acme/learning/domain/Gone.java").commitAll("rename and delete");

            Cli.Result lines = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "--no-cache");
            assertThat(lines.exitCode()).as(lines.err()).isZero();
            assertThat(findings(lines)).isEmpty();
            assertThat(json(lines).path("summary").path("filesChecked").asInt()).as("only the renamed file is in the change").isEqualTo(1);

            Cli.Result files = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "--scope", "files", "--no-cache");
            assertThat(findings(files)).containsExactly("layering.domain-no-framework src/main/java/com/acme/learning/domain/Progress.java:3");
        }
    }

    @Test
    void stagedReviewsTheIndexAndWorktreeReviewsWhatIsOnDisk() throws Exception {
        String path = "src/main/java/com/acme/learning/domain/UserId.java";
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write(path, CLEAN_DOMAIN).commitAll("one");
            repo.write(path, CLEAN_DOMAIN.replace("public record", "import org.springframework.util.Assert;\n\npublic record")).stage(path);
            repo.write(path, CLEAN_DOMAIN.replace("public record", "// no framework after all\n\npublic record"));

            Cli.Result staged = Cli.run("review", dir.toString(), "--staged", "--format", "json", "--no-cache");
            assertThat(findings(staged)).containsExactly("layering.domain-no-framework " + path + ":3");
            assertThat(repo.read(path)).as("the working tree is left alone").contains("no framework after all");

            Cli.Result worktree = Cli.run("review", dir.toString(), "--worktree", "--format", "json", "--no-cache");
            assertThat(worktree.exitCode()).as(worktree.err()).isZero();
            assertThat(findings(worktree)).isEmpty();
        }
    }

    @Test
    void worktreeIsTheDefaultAndIncludesUntrackedFiles() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write("src/main/java/com/acme/learning/domain/UserId.java", CLEAN_DOMAIN).commitAll("one");
            repo.write(".tenet/config.yml", SPRING_FREE_DOMAIN)
                    .write("src/main/java/com/acme/learning/domain/TrainingProgress.java", FRAMEWORK_DOMAIN);

            Cli.Result text = Cli.run("review", dir.toString(), "--no-cache", "--color", "never");
            assertThat(text.exitCode()).isEqualTo(1);
            assertThat(text.out()).contains("domain/TrainingProgress.java:3: error: ").contains("[layering.domain-no-framework]");
        }
    }

    @Test
    void baselinedFindingsAreCountedNotReported() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write("src/main/java/com/acme/learning/domain/UserId.java", CLEAN_DOMAIN).commitAll("one");
            repo.write(".tenet/config.yml", SPRING_FREE_DOMAIN)
                    .write("src/main/java/com/acme/learning/domain/TrainingProgress.java", FRAMEWORK_DOMAIN);
            assertThat(Cli.run("baseline", dir.toString(), "--no-cache").exitCode()).isZero();

            Cli.Result result = Cli.run("review", dir.toString(), "--worktree", "--format", "json", "--no-cache");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(findings(result)).isEmpty();
            assertThat(json(result).path("summary").path("baselined").asInt()).isEqualTo(1);
            assertThat(findings(Cli.run("review", dir.toString(), "--worktree", "--format", "json", "--no-cache", "--no-baseline"))).hasSize(1);
        }
    }

    @Test
    void writesSarifAndMarkdownLikeCheck() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write("src/main/java/com/acme/learning/domain/UserId.java", CLEAN_DOMAIN).commitAll("one");
            repo.write(".tenet/config.yml", SPRING_FREE_DOMAIN)
                    .write("src/main/java/com/acme/learning/domain/TrainingProgress.java", FRAMEWORK_DOMAIN);

            Cli.Result sarif = Cli.run("review", dir.toString(), "--format", "sarif", "--no-cache", "--fail-on", "never");
            assertThat(sarif.exitCode()).isZero();
            assertThat(new ObjectMapper().readTree(sarif.out()).path("version").asText()).isEqualTo("2.1.0");
            Cli.Result markdown = Cli.run("review", dir.toString(), "--format", "markdown", "--no-cache", "--fail-on", "error");
            assertThat(markdown.exitCode()).isEqualTo(1);
            assertThat(markdown.out()).contains("## Tenet report for").contains("`layering.domain-no-framework`");
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Cli.Result notGit = Cli.run("review", dir.toString(), "--base", "main");
        assertThat(notGit.exitCode()).isEqualTo(2);
        assertThat(notGit.err()).contains("not inside a git repository");
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write("README.md", "hello\n").commitAll("one");
            Cli.Result badRef = Cli.run("review", dir.toString(), "--base", "no-such-branch");
            assertThat(badRef.exitCode()).isEqualTo(2);
            assertThat(badRef.err()).contains("--base no-such-branch: no such commit, branch or tag");
            Cli.Result both = Cli.run("review", dir.toString(), "--staged", "--worktree");
            assertThat(both.exitCode()).isEqualTo(2);
            assertThat(Cli.run("review", dir.toString(), "--scope", "everything").err()).contains("Invalid --scope");
        }
    }

    static JsonNode json(Cli.Result result) throws Exception {
        return new ObjectMapper().readTree(result.out());
    }

    static List<String> findings(Cli.Result result) throws Exception {
        List<String> found = new ArrayList<>();
        for (JsonNode finding : json(result).path("findings")) {
            found.add(finding.path("ruleId").asText() + " " + finding.path("file").asText() + ":" + finding.path("startLine").asInt());
        }
        return found;
    }
}
