package dev.tenet.scaffold.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTests {
    private static final String BASE = "a\nb\nc\nd\ne\nf\n";

    private static ThreeWayMerge.Outcome merge(String owners, String tenets) {
        return ThreeWayMerge.merge(bytes(BASE), bytes(owners), bytes(tenets));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void changesToDifferentLinesCombine() {
        ThreeWayMerge.Outcome outcome = merge("a\nB mine\nc\nd\ne\nf\n", "a\nb\nc\nd\ne\nF tenet\n");

        assertThat(outcome.clean()).isTrue();
        assertThat(new String(outcome.merged().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("a\nB mine\nc\nd\ne\nF tenet\n");
    }

    @Test
    void changesToTheSameLineConflictAtTheOwnersLine() {
        ThreeWayMerge.Outcome outcome = merge("a\nb\nc\nD mine\ne\nf\n", "a\nb\nc\nD tenet\ne\nf\n");

        assertThat(outcome.clean()).isFalse();
        assertThat(outcome.conflictLines()).containsExactly(4);
    }

    @Test
    void aFileWithoutAFinalNewlineKeepsItsEnding() {
        ThreeWayMerge.Outcome outcome = ThreeWayMerge.merge(bytes("a\nb\nc"), bytes("A\nb\nc"), bytes("a\nb\nC"));

        assertThat(new String(outcome.merged().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("A\nb\nC");
    }

    @Test
    void bothAppendingAtTheEndIsAConflict() {
        ThreeWayMerge.Outcome outcome = merge(BASE + "mine\n", BASE + "tenet\n");

        assertThat(outcome.conflictLines()).containsExactly(7);
    }
}
