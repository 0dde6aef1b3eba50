package dev.tenet.rules.engine;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import java.util.Optional;

/**
 * Which methods run in a transaction, by annotation, the way Spring 6+ applies {@code @Transactional} through the
 * class-based proxies Spring Boot creates: the method's own annotation, else its class's for every method a proxy
 * can intercept (not private, not static). Spring's and JTA's {@code @Transactional} alike, written by simple or
 * qualified name; {@code SUPPORTS}, {@code NOT_SUPPORTED} and {@code NEVER} run without one.
 */
public final class Transactions {
    /** A word every source with such a method contains, for a {@link Prefilter}. */
    public static final String ANNOTATION = "Transactional";
    private static final java.util.regex.Pattern NO_TRANSACTION = java.util.regex.Pattern.compile("\\b(SUPPORTS|NOT_SUPPORTED|NEVER)\\b");

    private Transactions() {
    }

    /** Whether {@code method} (with a body) starts or joins a transaction when called through its bean. */
    public static boolean runsInTransaction(JavaFile file, MethodDeclaration method) {
        return method.getBody().isPresent() && governingAnnotation(file, method).filter(Transactions::startsTransaction).isPresent();
    }

    /** Whether the transaction comes from the method's own annotation rather than its class's. */
    public static boolean annotatedOnMethod(MethodDeclaration method) {
        return transactional(method.getAnnotations()).isPresent();
    }

    private static Optional<AnnotationExpr> governingAnnotation(JavaFile file, MethodDeclaration method) {
        Optional<AnnotationExpr> own = transactional(method.getAnnotations());
        if (own.isPresent() || method.isPrivate() || method.isStatic()) {
            return own;
        }
        return file.enclosingType(method).flatMap(type -> transactional(type.getAnnotations()));
    }

    private static Optional<AnnotationExpr> transactional(Iterable<AnnotationExpr> annotations) {
        for (AnnotationExpr annotation : annotations) {
            if (JavaFile.simpleName(annotation.getNameAsString()).equals(ANNOTATION)) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    /** SUPPORTS, NOT_SUPPORTED and NEVER (Spring's {@code propagation}, JTA's {@code value}) open no transaction. */
    private static boolean startsTransaction(AnnotationExpr annotation) {
        return !NO_TRANSACTION.matcher(annotation.toString()).find();
    }
}
