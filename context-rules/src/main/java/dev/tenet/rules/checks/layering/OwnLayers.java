package dev.tenet.rules.checks.layering;

import dev.tenet.rules.config.Layer;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.model.ImportRef;
import java.util.Optional;

/** The layer of a name that points into the codebase's own code; library names have none, whatever their package. */
final class OwnLayers {
    private final Project project;

    OwnLayers(Project project) {
        this.project = project;
    }

    /** The layer of what an import brings in: a type, a static member's type, or a wildcard package of the codebase. */
    Optional<Layer> ofImport(ImportRef imp) {
        String typeName = imp.isStatic() && !imp.asterisk() ? parentOf(imp.name()) : imp.name();
        Optional<Project.TypeEntry> own = project.type(typeName);
        if (own.isPresent()) {
            return project.layerOf(own.get().file());
        }
        return ofPackage(imp.asterisk() && !imp.isStatic() ? imp.name() : parentOf(typeName));
    }

    /** The layer of a package-qualified type name ({@code com.acme.adapter.PartnerClient}) of the codebase. */
    Optional<Layer> ofQualifiedType(String qualifiedName) {
        Optional<Project.TypeEntry> own = project.type(qualifiedName);
        if (own.isPresent()) {
            return project.layerOf(own.get().file());
        }
        return ofPackage(parentOf(qualifiedName));
    }

    private Optional<Layer> ofPackage(String packageName) {
        // org.springframework.web.* would match the presentation pattern "..web..": only the codebase's own packages count
        return project.packages().contains(packageName) ? project.layerOfPackage(packageName) : Optional.empty();
    }

    private static String parentOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
