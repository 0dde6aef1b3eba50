package dev.tenet.rules.layout;

import dev.tenet.rules.config.Layer;
import dev.tenet.rules.config.PackagePattern;
import dev.tenet.rules.model.FileModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The layers of a tree without a configuration, only when its package layout follows the
 * convention unambiguously; otherwise none, with the reason. A layer is named by a package segment
 * ({@code domain}; {@code application}, {@code usecase}; {@code adapter(s)}; {@code infrastructure},
 * {@code infra}; {@code presentation}, {@code web}). The layout is recognised when all of these hold:
 * <ol>
 *   <li>one base package: in every package that has a layer segment, the first one sits directly
 *       under the same base package (so at one depth);</li>
 *   <li>no layer is nested in another: after the first layer segment, a package names no other
 *       layer, except an outer ring inside an outer ring ({@code adapter.in.web} stays an adapter);
 *       {@code application.domain} or {@code adapter.out.persistence.domain} are not recognised;</li>
 *   <li>the domain layer holds no type mapped to a store ({@code @Entity}, {@code @Table},
 *       {@code @Document}, {@code @Embeddable}, {@code @MappedSuperclass}): such a "domain" is a
 *       persistence model;</li>
 *   <li>no layer package is split across build modules, and no build module named for one layer
 *       ({@code order-adapter}, {@code core}) holds a package named for another.</li>
 * </ol>
 * The recognised layers are anchored at the base ({@code com.acme.domain..}), so a segment deeper
 * down never changes a package's layer.
 *
 * @param layers  the layers found (empty when not recognised)
 * @param problem why the layout was not recognised ({@code null} when it was)
 */
public record LayoutConvention(Map<Layer, List<PackagePattern>> layers, String problem) {

    public boolean recognised() {
        return problem == null;
    }

    /**
     * Reads the layout of a tree's (production) files.
     *
     * @param moduleOf a file's build module folder by the file's relative path ({@code ""} for the root)
     */
    public static LayoutConvention of(List<FileModel> files, UnaryOperator<String> moduleOf) {
        Map<String, Set<String>> modulesByPackage = new TreeMap<>();
        Map<String, String> persistenceByPackage = new TreeMap<>();
        for (FileModel file : files) {
            if (!file.parsed() || LayerNames.firstLayerSegment(segments(file.packageName())) < 0) {
                continue;
            }
            modulesByPackage.computeIfAbsent(file.packageName(), p -> new TreeSet<>()).add(moduleOf.apply(file.path()));
            LayerNames.persistenceMapped(file).ifPresent(type -> persistenceByPackage.putIfAbsent(file.packageName(), type));
        }
        if (modulesByPackage.isEmpty()) {
            return none("no package is named after a layer (domain, application, adapter, infrastructure, web)");
        }
        Set<String> bases = new TreeSet<>();
        Map<Layer, Set<String>> segmentsByLayer = new EnumMap<>(Layer.class);
        for (Map.Entry<String, Set<String>> entry : modulesByPackage.entrySet()) {
            String pkg = entry.getKey();
            List<String> segments = segments(pkg);
            int first = LayerNames.firstLayerSegment(segments);
            Layer layer = LayerNames.ofSegment(segments.get(first)).orElseThrow();
            bases.add(String.join(".", segments.subList(0, first)));
            segmentsByLayer.computeIfAbsent(layer, l -> new TreeSet<>()).add(segments.get(first));
            for (String nested : segments.subList(first + 1, segments.size())) {
                Optional<Layer> inner = LayerNames.ofSegment(nested);
                if (inner.isPresent() && inner.get() != layer && !(inner.get().isOuter() && layer.isOuter())) {
                    return none("package " + pkg + " has a '" + nested + "' package inside the " + layer.key() + " layer");
                }
            }
            if (entry.getValue().size() > 1) {
                return none("package " + pkg + " is split across the build modules " + String.join(", ", entry.getValue()));
            }
            String module = entry.getValue().iterator().next();
            Optional<Layer> named = module.isEmpty() ? Optional.empty() : LayerNames.ofModule(module);
            if (named.isPresent() && named.get() != layer) {
                return none("build module " + module + " is named for the " + named.get().key() + " layer but holds the "
                        + layer.key() + " package " + pkg);
            }
        }
        if (bases.size() > 1) {
            return none("layer packages sit under more than one base package (" + String.join(", ", bases) + ")");
        }
        if (!segmentsByLayer.containsKey(Layer.ADAPTER) && !segmentsByLayer.containsKey(Layer.INFRASTRUCTURE)) {
            Optional<String> mapped = persistenceByPackage.keySet().stream()
                    .filter(pkg -> LayerNames.ofSegment(segments(pkg).get(LayerNames.firstLayerSegment(segments(pkg)))).orElseThrow() == Layer.DOMAIN)
                    .findFirst();
            if (mapped.isPresent()) {
                return none("domain package " + mapped.get() + " holds persistence entities (" + persistenceByPackage.get(mapped.get())
                        + ") with no adapter or infrastructure layer beside it: it reads as the persistence model");
            }
        }
        String base = bases.iterator().next();
        Map<Layer, List<PackagePattern>> layers = new EnumMap<>(Layer.class);
        segmentsByLayer.forEach((layer, names) -> {
            List<PackagePattern> patterns = new ArrayList<>();
            names.forEach(name -> patterns.add(PackagePattern.of((base.isEmpty() ? "" : base + ".") + name + "..")));
            layers.put(layer, patterns);
        });
        return new LayoutConvention(layers, null);
    }

    private static LayoutConvention none(String problem) {
        return new LayoutConvention(Map.of(), problem);
    }

    static List<String> segments(String packageName) {
        return packageName.isEmpty() ? List.of() : Arrays.asList(packageName.split("\\."));
    }
}
