package dev.tenet.rules.checks.layering;

import dev.tenet.rules.config.Layer;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.model.AnnotationRef;
import dev.tenet.rules.model.FileModel;
import dev.tenet.rules.model.ImportRef;
import dev.tenet.rules.model.TypeModel;
import java.util.List;
import java.util.Optional;

/**
 * The domain layer depends on nothing outside itself: no framework (Spring, JPA, Kafka, Redis,
 * Jackson annotations — static imports and fully qualified annotations included) and no
 * application, adapter, infrastructure or presentation code.
 */
public final class DomainFrameworkImportCheck implements Check {
    public static final String ID = "domain-no-framework";
    static final List<String> FRAMEWORK_PACKAGES = List.of("org.springframework", "jakarta.persistence", "javax.persistence",
            "jakarta.transaction", "javax.transaction", "org.hibernate", "org.apache.kafka", "io.lettuce", "redis.clients",
            "org.redisson", "com.fasterxml.jackson.annotation", "com.fasterxml.jackson.databind.annotation", "io.micrometer",
            "jakarta.inject", "javax.inject", "lombok.extern");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean usesLayers() {
        return true;
    }

    @Override
    public void finish(Project project, HitSink sink) {
        OwnLayers layers = new OwnLayers(project);
        for (FileModel file : project.files()) {
            if (project.layerOf(file).filter(l -> l == Layer.DOMAIN).isEmpty()) {
                continue;
            }
            for (ImportRef imp : file.imports()) {
                frameworkOf(imp.name()).ifPresent(framework -> sink.hit(file.path(), imp.line(), imp.line(),
                        "Domain code imports " + framework + " (" + imp.name() + "), tying the business rules to a framework",
                        "Move the framework-facing code to an adapter and keep the domain to plain Java; depend on a port the adapter implements.",
                        "import " + imp.name()));
                Optional<Layer> target = layers.ofImport(imp);
                target.filter(l -> l != Layer.DOMAIN).ifPresent(layer -> sink.hit(file.path(), imp.line(), imp.line(),
                        "Domain code imports " + layer.key() + " code (" + imp.name() + "); dependencies must point inwards",
                        "Invert the dependency: declare an interface (port) in the domain and implement it in the " + layer.key() + " layer.",
                        "import " + imp.name()));
            }
            for (TypeModel type : file.types()) {
                for (AnnotationRef annotation : type.annotations()) {
                    reportQualifiedAnnotation(file, annotation, sink);
                }
                type.methods().forEach(m -> m.annotations().forEach(a -> reportQualifiedAnnotation(file, a, sink)));
            }
        }
    }

    private static void reportQualifiedAnnotation(FileModel file, AnnotationRef annotation, HitSink sink) {
        if (annotation.name().contains(".")) {
            frameworkOf(annotation.name()).ifPresent(framework -> sink.hit(file.path(), annotation.line(), annotation.line(),
                    "Domain code is annotated with " + framework + "'s @" + annotation.name() + ", tying the business rules to a framework",
                    "Keep the domain type plain and map it in an adapter.", "@" + annotation.name()));
        }
    }

    static Optional<String> frameworkOf(String name) {
        return FRAMEWORK_PACKAGES.stream().filter(p -> name.equals(p) || name.startsWith(p + ".")).findFirst();
    }
}
