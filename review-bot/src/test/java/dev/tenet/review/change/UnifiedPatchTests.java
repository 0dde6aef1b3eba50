package dev.tenet.review.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnifiedPatchTests {
    @Test
    void addedLinesAndHunksAreLinesOfTheNewVersion() {
        UnifiedPatch.Lines lines = UnifiedPatch.parse("""
                @@ -1,4 +1,5 @@ class A {
                 a
                -b
                +B
                +C
                 d
                 e
                @@ -20,3 +21,4 @@
                 x
                +y
                 z
                \\ No newline at end of file""");
        assertThat(lines.added().toString()).isEqualTo("2-3,22");
        assertThat(lines.hunks().toString()).isEqualTo("1-5,21-23");
    }

    @Test
    void aNewFileIsAddedThroughout() {
        UnifiedPatch.Lines lines = UnifiedPatch.parse("@@ -0,0 +1,3 @@\n+a\n+b\n+c");
        assertThat(lines.added().toString()).isEqualTo("1-3");
    }

    @Test
    void somethingThatIsNotADiffIsRefused() {
        assertThatThrownBy(() -> UnifiedPatch.parse("@@ -1 +1 @@\n*oops")).hasMessageContaining("not a unified diff line: *oops");
    }
}
