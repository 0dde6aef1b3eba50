package dev.tenet.rules.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.checks.BuiltinChecks;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.Engine;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan cache: kept outside the tree, keyed by content, and never serving a stale model. */
class DiskScanCacheTests {
    static final String DOMAIN = """
            package com.acme.learning.domain;

            import org.springframework.stereotype.Component;

            public class Progress {
            }
            """;

    @TempDir
    Path tree;
    @TempDir
    Path cacheDir;
    @TempDir
    Path throwAwayTree;

    private Engine.Result check() {
        return new Engine(RuleCatalog.builtin(), BuiltinChecks.all(), 1)
                .check(tree, TenetConfig.defaults(), new DiskScanCache(cacheDir), Engine.Progress.NONE);
    }

    private Path write(String content, Instant modified) throws IOException {
        Path file = tree.resolve("src/main/java/com/acme/learning/domain/Progress.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void aSecondRunServesUnchangedFilesFromTheCacheWithTheSameFindings() throws IOException {
        write(DOMAIN, Instant.now().minusSeconds(60));
        Engine.Result first = check();
        Engine.Result second = check();
        assertThat(first.fromCache()).isZero();
        assertThat(second.fromCache()).isEqualTo(1);
        assertThat(second.findings()).isEqualTo(first.findings());
    }

    @Test
    void aChangedFileOfTheSameSizeIsScannedAgain() throws IOException {
        Instant old = Instant.now().minusSeconds(60);
        write(DOMAIN, old);
        assertThat(check().findings()).extracting(Finding::ruleId).contains("layering.domain-no-framework");
        String original = "import org.springframework.stereotype.Component;";
        String replacement = "import java.util.concurrent.Callable;";
        String fixed = DOMAIN.replace(original, replacement + " ".repeat(original.length() - replacement.length()));
        assertThat(fixed).hasSameSizeAs(DOMAIN);
        write(fixed, Instant.now());
        List<Finding> after = check().findings();
        assertThat(after).isEmpty();
    }

    @Test
    void everyModelOfTheSampleServiceComesBackFromTheCacheUnchanged() {
        Path sample = Path.of("../samples/legacy-learning-service").toAbsolutePath().normalize();
        Engine engine = new Engine(RuleCatalog.builtin(), BuiltinChecks.all(), 1);
        TenetConfig config = ConfigLoader.load(sample);
        Engine.Result cold = engine.check(sample, config, new DiskScanCache(cacheDir), Engine.Progress.NONE);
        Engine.Result warm = engine.check(sample, config, new DiskScanCache(cacheDir), Engine.Progress.NONE);
        assertThat(warm.fromCache()).isEqualTo(warm.filesChecked()).isGreaterThan(20);
        assertThat(warm.files()).isEqualTo(cold.files());
        assertThat(warm.findings()).isEqualTo(cold.findings()).hasSize(16);
    }

    @Test
    void withoutStampsServesTheModelsButLeavesNoStampsForAThrowAwayTree() throws IOException {
        Path file = write(DOMAIN, Instant.now().minusSeconds(60));
        check();
        Path copy = throwAwayTree.resolve(tree.relativize(file));
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
        Engine.Result throwAway = new Engine(RuleCatalog.builtin(), BuiltinChecks.all(), 1)
                .check(throwAwayTree, TenetConfig.defaults(), new DiskScanCache(cacheDir).withoutStamps(), Engine.Progress.NONE);
        assertThat(throwAway.fromCache()).isEqualTo(1);
        try (var stamps = Files.list(cacheDir.resolve("stamps"))) {
            assertThat(stamps.count()).as("stamps files: only the first, stamped run's").isEqualTo(1);
        }
    }

    @Test
    void aDamagedEntryIsAMissNotAFailure() throws IOException {
        write(DOMAIN, Instant.now().minusSeconds(60));
        check();
        try (var entries = Files.walk(cacheDir.resolve("scan"))) {
            for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                Files.writeString(entry, "garbage");
            }
        }
        Engine.Result again = check();
        assertThat(again.fromCache()).isZero();
        assertThat(again.findings()).extracting(Finding::ruleId).contains("layering.domain-no-framework");
    }

    @Test
    void nothingIsWrittenIntoTheCheckedTree() throws IOException {
        write(DOMAIN, Instant.now().minusSeconds(60));
        check();
        try (var files = Files.walk(tree)) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSize(1);
        }
    }
}
