package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.MethodEntry;
import java.util.Comparator;
import java.util.List;

/**
 * Finds Kafka listener methods: a method annotated {@code @KafkaListener}, or a {@code @KafkaHandler}
 * method of a class annotated {@code @KafkaListener}.
 */
final class KafkaListeners {
    static final String LISTENER = "KafkaListener";
    static final String HANDLER = "KafkaHandler";

    private KafkaListeners() {
    }

    /** Cheap precondition for phase one. */
    static boolean mentionsListener(String source) {
        return source.contains(LISTENER);
    }

    /** The listener methods of the codebase, sorted by file and line. */
    static List<MethodEntry> in(Project project) {
        return project.methods().stream()
                .filter(KafkaListeners::isListener)
                .sorted(Comparator.comparing((MethodEntry m) -> m.file().path()).thenComparingInt(m -> m.method().startLine()))
                .toList();
    }

    static boolean isListener(MethodEntry entry) {
        return entry.method().hasAnnotation(LISTENER)
                || entry.method().hasAnnotation(HANDLER) && entry.type().hasAnnotation(LISTENER);
    }

    /** The listener methods declared in one parsed file. */
    static List<MethodDeclaration> in(JavaFile file) {
        if (!mentionsListener(file.source())) {
            return List.of();
        }
        return file.all(MethodDeclaration.class, KafkaListeners::isListener);
    }

    static boolean isListener(MethodDeclaration method) {
        if (annotated(method.getAnnotations(), LISTENER)) {
            return true;
        }
        return annotated(method.getAnnotations(), HANDLER) && method.getParentNode()
                .filter(parent -> parent instanceof TypeDeclaration<?> type && annotated(type.getAnnotations(), LISTENER))
                .isPresent();
    }

    private static boolean annotated(List<AnnotationExpr> annotations, String simpleName) {
        return annotations.stream().anyMatch(a -> JavaFile.simpleName(a.getNameAsString()).equals(simpleName));
    }
}
