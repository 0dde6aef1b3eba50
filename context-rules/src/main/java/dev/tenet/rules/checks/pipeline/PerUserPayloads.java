package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.engine.Project.TypeEntry;
import dev.tenet.rules.model.FileModel;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells whether a payload belongs to one user: its type, one of the codebase's own, has a user-ish
 * id field (here or in a supertype). A payload written as {@code Type#method} is the return type
 * of that method.
 */
final class PerUserPayloads {
    static final Pattern USER_ID_FIELD = Pattern.compile("(?i)(user|member|account|customer|learner)_?id");
    static final Pattern USER_TOPIC = Pattern.compile("(?i)(user|member|account|customer|learner)");
    private static final int MAX_DEPTH = 5;

    private PerUserPayloads() {
    }

    /** {@code Type.field} of the user id the payload carries, if it carries one. */
    static Optional<String> userIdOf(Project project, FileModel from, String payload) {
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        int hash = payload.indexOf('#');
        if (hash < 0) {
            return project.resolve(from, payload).flatMap(type -> userIdField(project, type, 0));
        }
        String method = payload.substring(hash + 1);
        return project.resolve(from, payload.substring(0, hash)).flatMap(owner -> project.methodsOf(owner.type()).stream()
                .filter(m -> m.method().name().equals(method)).findFirst())
                .flatMap(m -> project.resolve(m.file(), erasure(m)))
                .flatMap(type -> userIdField(project, type, 0));
    }

    private static Optional<String> userIdField(Project project, TypeEntry type, int depth) {
        Optional<String> own = type.type().fields().keySet().stream()
                .filter(name -> USER_ID_FIELD.matcher(name).matches()).findFirst()
                .map(name -> type.type().simpleName() + "." + name);
        if (own.isPresent() || depth >= MAX_DEPTH) {
            return own;
        }
        for (String supertype : type.type().supertypes()) {
            Optional<String> inherited = project.resolve(type.file(), supertype).flatMap(parent -> userIdField(project, parent, depth + 1));
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    private static String erasure(MethodEntry method) {
        String type = method.method().returnType();
        int generic = type.indexOf('<');
        return generic < 0 ? type : type.substring(0, generic);
    }
}
