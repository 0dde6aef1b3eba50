package dev.tenet.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.type.VarType;
import org.junit.jupiter.api.Test;

/** Tenet's parser skips javaparser's validators but keeps everything the checks rely on. */
class JavaParsersTests {
    static final String MODERN = """
            package com.acme;

            // tenet:ignore pipeline.blocking-listener -- comment must be kept
            record Minutes(String userId, long minutes) {
                String kind(int code) {
                    var label = switch (code) {
                        case 1 -> "lecture";
                        default -> {
                            yield "other";
                        }
                    };
                    return label + (this instanceof Minutes m ? m.userId() : "");
                }
            }
            """;

    @Test
    void parsesModernJavaWithVarYieldRecordsAndComments() {
        ParseResult<CompilationUnit> result = JavaParsers.create().parse(MODERN);
        assertThat(result.getProblems()).isEmpty();
        CompilationUnit unit = result.getResult().orElseThrow();
        assertThat(unit.findAll(VarType.class)).as("var post-processed into VarType").hasSize(1);
        assertThat(result.getCommentsCollection().orElseThrow().getComments())
                .singleElement().satisfies(comment -> assertThat(comment.getBegin().orElseThrow().line).isEqualTo(3));
        assertThat(unit.getType(0).getBegin().orElseThrow().line).isEqualTo(4);
    }

    @Test
    void leavesCommentsUnattributedBecauseAttributionIsQuadratic() {
        ParseResult<CompilationUnit> result = JavaParsers.create().parse(MODERN);
        CompilationUnit unit = result.getResult().orElseThrow();
        assertThat(unit.getType(0).getComment()).as("the comment above the record").isEmpty();
        assertThat(unit.getAllContainedComments()).isEmpty();
        assertThat(result.getCommentsCollection().orElseThrow().size()).as("kept in the parse result").isEqualTo(1);
    }

    @Test
    void skipsTheLanguageLevelValidatorThatTheDefaultRuns() {
        String notValidJava = "private class A { }";
        assertThat(JavaParsers.createValidating().parse(notValidJava).isSuccessful()).isFalse();
        assertThat(JavaParsers.create().parse(notValidJava).isSuccessful()).isTrue();
    }
}
