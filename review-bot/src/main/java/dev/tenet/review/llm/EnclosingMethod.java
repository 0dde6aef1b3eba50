package dev.tenet.review.llm;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.tenet.rules.engine.JavaParsers;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The method or constructor around a line of a Java file, sent with a hunk so the model sees what the
 * changed lines belong to.
 *
 * @param signature {@code Type#name(ParamTypes)}, stable across edits elsewhere in the file
 * @param first     first line of the declaration
 * @param last      last line of the declaration
 */
record EnclosingMethod(String signature, int first, int last) {

    /** The callables of one Java file; none when it does not parse (the engine reports that itself). */
    static List<EnclosingMethod> of(String path, String source) {
        if (!path.endsWith(".java")) {
            return List.of();
        }
        ParseResult<CompilationUnit> parsed = JavaParsers.create().parse(source);
        if (parsed.getResult().isEmpty()) {
            return List.of();
        }
        return parsed.getResult().get().findAll(CallableDeclaration.class).stream()
                .filter(callable -> callable.getRange().isPresent())
                .map(callable -> new EnclosingMethod(signature(callable), callable.getRange().get().begin.line,
                        callable.getRange().get().end.line))
                .toList();
    }

    /** The innermost callable that holds {@code line}. */
    static Optional<EnclosingMethod> around(List<EnclosingMethod> methods, int line) {
        return methods.stream().filter(m -> m.first <= line && line <= m.last)
                .min(Comparator.comparingInt(m -> m.last - m.first));
    }

    private static String signature(CallableDeclaration<?> callable) {
        String type = callable.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("");
        return type + "#" + callable.getSignature().asString();
    }
}
