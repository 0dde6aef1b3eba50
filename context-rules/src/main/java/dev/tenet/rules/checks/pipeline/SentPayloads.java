package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.FactEntry;
import java.util.Optional;

/**
 * The payload of a Kafka send as phase one records it and phase two resolves it to one of the
 * codebase's own types: the value's declared type, or the return type of the call that makes it.
 */
final class SentPayloads {
    private SentPayloads() {
    }

    /** The payload's type, when it is one of the codebase's own: its declared type, or the return type of the call that makes it. */
    static Optional<String> type(Project project, FactEntry send) {
        String payload = send.fact().subject();
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        int hash = payload.indexOf('#');
        if (hash < 0) {
            return project.resolve(send.file(), payload).map(t -> t.type().fqn());
        }
        String method = payload.substring(hash + 1);
        return project.resolve(send.file(), payload.substring(0, hash)).flatMap(owner -> project.methodsOf(owner.type()).stream()
                        .filter(m -> m.method().name().equals(method)).findFirst())
                .flatMap(m -> project.resolve(m.file(), erasure(m.method().returnType())))
                .map(t -> t.type().fqn());
    }

    private static String erasure(String type) {
        int generic = type.indexOf('<');
        return generic < 0 ? type : type.substring(0, generic);
    }

    /** The payload as phase two can resolve it: its declared type, or {@code Type#method} for a call's result. */
    static String ref(JavaFile file, Expression payload) {
        if (payload == null) {
            return "";
        }
        String type = file.typeOf(payload);
        if (type != null) {
            return type;
        }
        if (payload instanceof MethodCallExpr call) {
            String owner = call.getScope().map(file::typeOf)
                    .orElseGet(() -> file.enclosingType(call).map(t -> t.getNameAsString()).orElse(null));
            return owner == null ? "" : owner + "#" + call.getNameAsString();
        }
        return "";
    }
}
