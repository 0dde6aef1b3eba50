package dev.tenet.rules.layout;

import dev.tenet.rules.config.Layer;
import dev.tenet.rules.model.FileModel;
import dev.tenet.rules.model.TypeModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The names that denote a layer: package segments, build module names, and persistence-mapped types. */
final class LayerNames {
    /** Package segments that name a layer (the names the default layers have always used). */
    private static final Map<String, Layer> SEGMENTS = Map.of("domain", Layer.DOMAIN, "application", Layer.APPLICATION,
            "usecase", Layer.APPLICATION, "adapter", Layer.ADAPTER, "adapters", Layer.ADAPTER, "infrastructure", Layer.INFRASTRUCTURE,
            "infra", Layer.INFRASTRUCTURE, "presentation", Layer.PRESENTATION, "web", Layer.PRESENTATION);
    /** Words of a build module's name that name a layer ({@code order-domain}, {@code core}, {@code adapter-persistence}). */
    private static final Map<String, Layer> MODULE_WORDS = Map.ofEntries(Map.entry("domain", Layer.DOMAIN), Map.entry("core", Layer.DOMAIN),
            Map.entry("model", Layer.DOMAIN), Map.entry("application", Layer.APPLICATION), Map.entry("app", Layer.APPLICATION),
            Map.entry("usecase", Layer.APPLICATION), Map.entry("usecases", Layer.APPLICATION), Map.entry("adapter", Layer.ADAPTER),
            Map.entry("adapters", Layer.ADAPTER), Map.entry("persistence", Layer.ADAPTER), Map.entry("messaging", Layer.ADAPTER),
            Map.entry("infrastructure", Layer.INFRASTRUCTURE), Map.entry("infra", Layer.INFRASTRUCTURE),
            Map.entry("presentation", Layer.PRESENTATION), Map.entry("web", Layer.PRESENTATION));
    /** Annotations of types mapped to a store: JPA, Spring Data JDBC/R2DBC, MongoDB. */
    private static final Set<String> PERSISTENCE = Set.of("Entity", "Table", "Document", "Embeddable", "MappedSuperclass");

    private LayerNames() {
    }

    static Optional<Layer> ofSegment(String segment) {
        return Optional.ofNullable(SEGMENTS.get(segment));
    }

    /** The layer a build module's name denotes: its last word that names one. */
    static Optional<Layer> ofModule(String moduleFolder) {
        String name = moduleFolder.substring(moduleFolder.lastIndexOf('/') + 1);
        String[] words = name.toLowerCase(java.util.Locale.ROOT).split("[-_.]");
        for (int i = words.length - 1; i >= 0; i--) {
            Layer layer = MODULE_WORDS.get(words[i]);
            if (layer != null) {
                return Optional.of(layer);
            }
        }
        return Optional.empty();
    }

    /** The first type of a file mapped to a store ({@code @Entity}, {@code @Table}, {@code @Document}...), if any. */
    static Optional<String> persistenceMapped(FileModel file) {
        for (TypeModel type : file.types()) {
            for (String annotation : PERSISTENCE) {
                if (type.hasAnnotation(annotation)) {
                    return Optional.of("@" + annotation + " " + type.simpleName());
                }
            }
        }
        return Optional.empty();
    }

    /** The index of the first segment that names a layer, or -1. */
    static int firstLayerSegment(List<String> segments) {
        for (int i = 0; i < segments.size(); i++) {
            if (SEGMENTS.containsKey(segments.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
