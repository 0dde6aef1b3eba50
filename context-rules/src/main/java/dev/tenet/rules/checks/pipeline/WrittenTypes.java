package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.tenet.rules.engine.JavaFile;
import java.util.Collection;
import java.util.Optional;

/**
 * Tells, in phase one, which fully qualified type a name written in a file stands for, by the file's
 * own evidence only: an explicit import, the name written qualified, a wildcard import of the type's
 * package, {@code java.lang}, or the file's package. A simple name with none of these is no evidence.
 */
final class WrittenTypes {
    private WrittenTypes() {
    }

    /** Whether {@code written} (a type as written in {@code file}) stands for {@code fqn}. */
    static boolean is(JavaFile file, String written, String fqn) {
        return file.standsFor(written, fqn);
    }

    /** The one of {@code fqns} that {@code written} stands for, if any. */
    static Optional<String> among(JavaFile file, String written, Collection<String> fqns) {
        return fqns.stream().filter(fqn -> is(file, written, fqn)).findFirst();
    }

    /** Whether a declaration carries an annotation that resolves to {@code fqn}. */
    static boolean annotated(JavaFile file, NodeWithAnnotations<?> node, String fqn) {
        for (AnnotationExpr annotation : node.getAnnotations()) {
            if (is(file, annotation.getNameAsString(), fqn)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a static import brings {@code member} of {@code owner} into the file (by name or wildcard). */
    static boolean staticallyImported(JavaFile file, String owner, String member) {
        for (ImportDeclaration imp : file.unit().getImports()) {
            if (imp.isStatic() && (imp.isAsterisk() ? imp.getNameAsString().equals(owner)
                    : imp.getNameAsString().equals(owner + "." + member))) {
                return true;
            }
        }
        return false;
    }

}
