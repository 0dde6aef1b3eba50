package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.ScanSink;
import java.util.Set;

/**
 * Phase one of the error-handler rule: records listeners, every sign of a configured error handler
 * or dead-letter recoverer, and listener container factory beans that set none.
 */
final class ErrorHandlerFacts {
    static final String LISTENER = "listener";
    static final String HANDLER = "handler";
    static final String FACTORY = "factory";
    static final Set<String> HANDLER_TYPES = Set.of("DefaultErrorHandler", "CommonErrorHandler", "DeadLetterPublishingRecoverer",
            "SeekToCurrentErrorHandler", "SeekToCurrentBatchErrorHandler", "RecoveringBatchErrorHandler", "CommonLoggingErrorHandler",
            "CommonContainerStoppingErrorHandler", "CommonDelegatingErrorHandler", "CommonMixedErrorHandler", "ErrorHandler",
            "BatchErrorHandler", "ContainerAwareErrorHandler", "KafkaListenerErrorHandler", "ConsumerAwareListenerErrorHandler",
            "DefaultAfterRollbackProcessor", "RetryTopicConfiguration", "RetryTopicConfigurationBuilder", "RetryTopicConfigurationSupport");
    private static final Set<String> HANDLER_SETTERS = Set.of("setCommonErrorHandler", "setErrorHandler", "setBatchErrorHandler",
            "setAfterRollbackProcessor");
    private static final Set<String> FACTORY_TYPES = Set.of("ConcurrentKafkaListenerContainerFactory", "KafkaListenerContainerFactory");

    private ErrorHandlerFacts() {
    }

    static void record(JavaFile file, ScanSink sink) {
        for (MethodDeclaration listener : KafkaListeners.in(file)) {
            sink.fact(LISTENER, listener.getNameAsString(), "", listener.getName());
        }
        file.all(AnnotationExpr.class, ErrorHandlerFacts::configuresHandler)
                .forEach(a -> handler(sink, "@" + a.getNameAsString(), a));
        file.all(ClassOrInterfaceType.class, t -> HANDLER_TYPES.contains(t.getNameAsString()))
                .forEach(t -> handler(sink, t.getNameAsString(), t));
        file.all(NameExpr.class, n -> HANDLER_TYPES.contains(n.getNameAsString()))
                .forEach(n -> handler(sink, n.getNameAsString(), n));
        file.all(MethodCallExpr.class, c -> HANDLER_SETTERS.contains(c.getNameAsString()))
                .forEach(c -> handler(sink, c.getNameAsString(), c));
        for (MethodDeclaration method : file.all(MethodDeclaration.class, ErrorHandlerFacts::buildsFactory)) {
            if (method.findAll(MethodCallExpr.class, c -> HANDLER_SETTERS.contains(c.getNameAsString())).isEmpty()) {
                sink.fact(FACTORY, method.getNameAsString(), "", method.getName());
            }
        }
    }

    private static boolean configuresHandler(AnnotationExpr annotation) {
        String name = JavaFile.simpleName(annotation.getNameAsString());
        return name.equals("RetryableTopic") || name.equals(KafkaListeners.LISTENER) && annotation instanceof NormalAnnotationExpr normal
                && normal.getPairs().stream().anyMatch(p -> p.getNameAsString().equals("errorHandler"));
    }

    private static boolean buildsFactory(MethodDeclaration method) {
        boolean bean = method.getAnnotations().stream().anyMatch(a -> JavaFile.simpleName(a.getNameAsString()).equals("Bean"));
        return bean && (FACTORY_TYPES.contains(JavaFile.simpleName(JavaFile.erasure(method.getType())))
                || !method.findAll(ObjectCreationExpr.class,
                        c -> FACTORY_TYPES.contains(JavaFile.simpleName(JavaFile.erasure(c.getType())))).isEmpty());
    }

    private static void handler(ScanSink sink, String what, Node node) {
        sink.fact(HANDLER, what, "", node);
    }
}
