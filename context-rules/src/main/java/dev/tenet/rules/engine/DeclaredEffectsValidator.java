package dev.tenet.rules.engine;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.config.TenetConfig.DeclaredEffect;
import dev.tenet.rules.engine.Project.TypeEntry;
import dev.tenet.rules.model.FileModel;
import dev.tenet.rules.model.ImportRef;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a declared effect ({@code effects:} in {@code .tenet/config.yml}) whose type the codebase
 * neither declares nor imports, or whose method its own type does not have: a typo must not pass
 * silently. Skipped for a partial tree (a pull request's files, an editor buffer), where the type may
 * live in files that are not there.
 */
final class DeclaredEffectsValidator {
    private DeclaredEffectsValidator() {
    }

    static void validate(Project project) {
        TenetConfig config = project.config();
        if (config.effects().isEmpty() || config.partialTree()) {
            return;
        }
        for (Map.Entry<String, DeclaredEffect> entry : config.effects().entrySet()) {
            String type = entry.getKey().substring(0, entry.getKey().indexOf('#'));
            String method = entry.getKey().substring(entry.getKey().indexOf('#') + 1);
            Optional<TypeEntry> own = project.type(type);
            if (own.isPresent()) {
                if (!hasMethod(project, own.get(), method, 0)) {
                    throw new TenetInputException(config.file(), entry.getValue().line(),
                            "effects: " + type + " has no method '" + method + "' (declared in " + own.get().file().path() + ")");
                }
            } else if (project.files().stream().noneMatch(file -> imports(file, type))) {
                throw new TenetInputException(config.file(), entry.getValue().line(), "effects: type '" + type
                        + "' is neither declared in this codebase nor imported by any of its files; check the spelling");
            }
        }
    }

    private static boolean hasMethod(Project project, TypeEntry type, String method, int depth) {
        if (project.methodsOf(type.type()).stream().anyMatch(m -> m.method().name().equals(method))) {
            return true;
        }
        if (depth > 10) {
            return false;
        }
        for (String supertype : type.type().supertypes()) {
            Optional<TypeEntry> parent = project.resolve(type.file(), supertype);
            if (parent.isEmpty() || hasMethod(project, parent.get(), method, depth + 1)) {
                // A supertype outside the codebase may declare it: Tenet cannot tell, so it does not refuse.
                return true;
            }
        }
        return false;
    }

    private static boolean imports(FileModel file, String type) {
        String packageName = type.substring(0, Math.max(0, type.lastIndexOf('.')));
        for (ImportRef imp : file.imports()) {
            if (!imp.isStatic() && (imp.name().equals(type) || imp.asterisk() && imp.name().equals(packageName))) {
                return true;
            }
        }
        return false;
    }
}
