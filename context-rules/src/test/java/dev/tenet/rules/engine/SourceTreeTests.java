package dev.tenet.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a test source, and which build module a file belongs to. */
class SourceTreeTests {
    @TempDir
    Path dir;

    @Test
    void testSourceSetsAndTestClassesAreTestSources() {
        assertThat(List.of("src/test/java/a/B.java", "svc/src/it/java/a/B.java", "src/integrationTest/java/a/B.java",
                "src/integration-test/java/a/B.java", "src/testFixtures/java/a/B.java", "src/gatling/java/a/LoadSimulation.java",
                "src/jmh/java/a/Bench.java", "src/functionalTest/java/a/B.java", "src/intTest/java/a/B.java",
                "src/contract-tests/java/a/B.java", "src/acceptanceIT/java/a/B.java", "src/test/resources/application.yml", "src/main/java/a/OrderTest.java",
                "src/main/java/a/OrderTests.java", "src/main/java/a/OrderIT.java"))
                .allMatch(SourceTree::isTestSource);
        assertThat(List.of("src/main/java/a/Order.java", "src/main/java/test/Order.java", "src/main/java/a/Attestation.java",
                "src/main/java/a/Audit.java", "src/main/resources/application.yml", "test/Order.java",
                "src/latest/java/a/Order.java", "src/contest/java/a/Order.java"))
                .noneMatch(SourceTree::isTestSource);
    }

    @Test
    void aFileBelongsToTheNearestModuleAboveIt() {
        BuildModules modules = new BuildModules(List.of("", "billing", "billing/core"));

        assertThat(modules.moduleOf("billing/core/src/main/java/A.java")).isEqualTo("billing/core");
        assertThat(modules.moduleOf("billing/src/main/java/A.java")).isEqualTo("billing");
        assertThat(modules.moduleOf("billing-old/src/main/java/A.java")).isEqualTo("");
        assertThat(new BuildModules(List.of("a")).moduleOf("src/main/java/A.java")).isEqualTo(BuildModules.ROOT);
    }

    @Test
    void aSingleFileIsCheckedInItsBuildModuleAndTheBuildAggregatingIt() throws IOException {
        Path file = dir.resolve("svc/core/src/main/java/a/A.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package a; class A {}");
        Files.writeString(dir.resolve("svc/pom.xml"), "<project/>");
        assertThat(BuildModules.rootOf(file)).isEqualTo(dir.resolve("svc"));

        Files.writeString(dir.resolve("svc/core/build.gradle.kts"), "");
        assertThat(BuildModules.rootOf(file)).as("widened to the build aggregating the module").isEqualTo(dir.resolve("svc"));

        Files.delete(dir.resolve("svc/pom.xml"));
        assertThat(BuildModules.rootOf(file)).isEqualTo(dir.resolve("svc/core"));
    }

    @Test
    void theScanListsEveryFolderItEnteredAndNoneItSkipped() throws IOException {
        for (String path : List.of("src/main/java/a/A.java", "src/main/resources/static/app.js", "target/classes/a/A.java", ".git/HEAD")) {
            Files.createDirectories(dir.resolve(path).getParent());
            Files.writeString(dir.resolve(path), "");
        }

        SourceTree tree = SourceTree.scan(dir, dev.tenet.rules.config.ConfigLoader.load(dir));

        assertThat(tree.directories()).first().isEqualTo(dir);
        assertThat(tree.directories()).contains(dir.resolve("src/main/java/a"), dir.resolve("src/main/resources/static"))
                .doesNotContain(dir.resolve("target"), dir.resolve("target/classes"), dir.resolve(".git"));
    }
}
