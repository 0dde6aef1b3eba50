package dev.tenet.rules.layout;

import dev.tenet.rules.config.Layer;
import dev.tenet.rules.config.PackagePattern;
import dev.tenet.rules.model.FileModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The layers {@code tenet init} proposes for a tree, each with why it was taken, read from the build
 * modules and the packages of its production files:
 * <ul>
 *   <li>by module: when at least two build modules are named for different layers ({@code order-domain},
 *       {@code core}, {@code app}, {@code adapter-persistence}, ...), each such module's packages go to
 *       its layer, as the shortest package prefixes no other module uses;</li>
 *   <li>by package, for the other files: a package segment named for a layer starts that layer
 *       ({@code com.acme.domain..}); a segment deeper down stays in the enclosing layer
 *       ({@code adapter.out.persistence.domain} is an adapter), except a {@code domain} package inside
 *       the application layer ({@code application.domain.model}), which is domain code while its
 *       {@code service} package stays application.</li>
 * </ul>
 * Every proposed pattern matches a package of the tree, so the written config loads.
 */
public final class LayoutProposal {
    /** One pattern given to a layer, and why. */
    public record Choice(Layer layer, String pattern, String why) {
    }

    private static final Set<String> SERVICE_PACKAGES = Set.of("service", "services");

    private final List<Choice> choices = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private LayoutProposal() {
    }

    /**
     * @param files    the tree's production files
     * @param moduleOf a file's build module folder by its relative path ({@code ""} for the root)
     */
    public static LayoutProposal of(List<FileModel> files, UnaryOperator<String> moduleOf) {
        SortedMap<String, SortedSet<String>> modulesByPackage = new TreeMap<>();
        Map<String, Integer> filesByPackage = new TreeMap<>();
        Map<String, String> persistenceByPackage = new TreeMap<>();
        for (FileModel file : files) {
            if (!file.parsed() || file.packageName().isEmpty()) {
                continue;
            }
            modulesByPackage.computeIfAbsent(file.packageName(), p -> new TreeSet<>()).add(moduleOf.apply(file.path()));
            filesByPackage.merge(file.packageName(), 1, Integer::sum);
            LayerNames.persistenceMapped(file).ifPresent(type -> persistenceByPackage.putIfAbsent(file.packageName(), type));
        }
        LayoutProposal proposal = new LayoutProposal();
        Set<String> assigned = proposal.byModule(modulesByPackage);
        proposal.byPackage(modulesByPackage.keySet().stream().filter(p -> !assigned.contains(p)).collect(Collectors.toCollection(TreeSet::new)),
                filesByPackage, persistenceByPackage, assigned);
        return proposal;
    }

    private Set<String> byModule(SortedMap<String, SortedSet<String>> modulesByPackage) {
        Map<String, Layer> layerModules = new TreeMap<>();
        modulesByPackage.values().stream().flatMap(Set::stream).distinct().filter(m -> !m.isEmpty())
                .forEach(m -> LayerNames.ofModule(m).ifPresent(layer -> layerModules.put(m, layer)));
        if (layerModules.values().stream().distinct().count() < 2) {
            return Set.of();
        }
        Set<String> assigned = new TreeSet<>();
        for (Map.Entry<String, Layer> module : layerModules.entrySet()) {
            String name = module.getKey();
            Set<String> own = new TreeSet<>();
            Set<String> others = new TreeSet<>();
            modulesByPackage.forEach((pkg, modules) -> {
                if (modules.contains(name)) {
                    own.add(pkg);
                }
                if (modules.stream().anyMatch(m -> !m.equals(name))) {
                    others.add(pkg);
                }
            });
            List<String> patterns = new ArrayList<>();
            for (String pkg : own) {
                if (others.contains(pkg)) {
                    notes.add("package " + pkg + " is declared in build module " + name + " and in "
                            + String.join(", ", modulesByPackage.get(pkg).stream().filter(m -> !m.equals(name)).toList())
                            + ": a package pattern cannot give it to one layer, so it is left out");
                    continue;
                }
                patterns.add(uniquePrefix(pkg, others));
                assigned.add(pkg);
            }
            for (String pattern : withoutCovered(patterns)) {
                choices.add(new Choice(module.getValue(), pattern,
                        "build module " + name + " is named for the " + module.getValue().key() + " layer"));
            }
        }
        return assigned;
    }

    private void byPackage(SortedSet<String> packages, Map<String, Integer> filesByPackage, Map<String, String> persistenceByPackage,
                           Set<String> assignedByModule) {
        Map<String, Layer> tops = new TreeMap<>();
        SortedSet<String> nestedDomains = new TreeSet<>();
        for (String pkg : packages) {
            List<String> segments = LayoutConvention.segments(pkg);
            int first = LayerNames.firstLayerSegment(segments);
            if (first < 0) {
                continue;
            }
            Layer layer = LayerNames.ofSegment(segments.get(first)).orElseThrow();
            tops.put(String.join(".", segments.subList(0, first + 1)), layer);
            for (int j = first + 1; j < segments.size(); j++) {
                Optional<Layer> nested = LayerNames.ofSegment(segments.get(j));
                if (nested.isEmpty() || nested.get() == layer || nested.get().isOuter() && layer.isOuter()) {
                    continue;
                }
                String at = String.join(".", segments.subList(0, j + 1));
                if (nested.get() == Layer.DOMAIN && layer == Layer.APPLICATION) {
                    nestedDomains.add(at);
                } else if (pkg.equals(at)) {
                    notes.add("package " + at + " stays in the " + layer.key() + " layer: its '" + segments.get(j)
                            + "' package sits inside the " + layer.key() + " layer"
                            + Optional.ofNullable(persistenceByPackage.get(at)).map(t -> " (it holds " + t + ")").orElse(""));
                }
                break;
            }
        }
        for (Map.Entry<String, Layer> top : tops.entrySet()) {
            String base = top.getKey();
            int count = packages.stream().filter(p -> within(p, base)).mapToInt(p -> filesByPackage.getOrDefault(p, 0)).sum();
            boolean coversModuleCode = assignedByModule.stream().anyMatch(p -> within(p, base));
            if (coversModuleCode) {
                packages.stream().filter(p -> within(p, base)).forEach(p -> choices.add(new Choice(top.getValue(), p,
                        "package " + p + " is named for the " + top.getValue().key() + " layer (listed one by one: build modules share "
                                + base + ")")));
            } else {
                choices.add(new Choice(top.getValue(), base + "..", "package " + base + " is named for the " + top.getValue().key()
                        + " layer (" + count + " file" + (count == 1 ? "" : "s") + ")"));
            }
            if (top.getValue() == Layer.DOMAIN) {
                packages.stream().filter(p -> within(p, base) && persistenceByPackage.containsKey(p)).findFirst()
                        .ifPresent(p -> notes.add("domain package " + p + " holds persistence entities (" + persistenceByPackage.get(p)
                                + "): layering.domain-no-framework will report them; if it is a persistence model, not a domain layer,"
                                + " give it to the adapter layer"));
            }
        }
        for (String domain : nestedDomains) {
            SortedSet<String> children = new TreeSet<>();
            packages.stream().filter(p -> p.startsWith(domain + ".")).forEach(p -> children.add(p.substring(domain.length() + 1).split("\\.")[0]));
            if (children.stream().noneMatch(SERVICE_PACKAGES::contains)) {
                choices.add(new Choice(Layer.DOMAIN, domain + "..", "package " + domain + " is a domain package inside the application layer"));
                continue;
            }
            if (packages.contains(domain)) {
                choices.add(new Choice(Layer.DOMAIN, domain, "package " + domain + " is a domain package inside the application layer"));
            }
            for (String child : children) {
                if (!SERVICE_PACKAGES.contains(child)) {
                    choices.add(new Choice(Layer.DOMAIN, domain + "." + child + "..", "package " + domain + "." + child
                            + " is domain code inside the application layer; its sibling " + domain + "."
                            + children.stream().filter(SERVICE_PACKAGES::contains).findFirst().orElseThrow() + " stays in application"));
                }
            }
        }
    }

    /** The shortest prefix of {@code pkg} (at least two segments) that no package of {@code others} equals or lies under, as a pattern. */
    private static String uniquePrefix(String pkg, Set<String> others) {
        List<String> segments = LayoutConvention.segments(pkg);
        for (int length = Math.min(2, segments.size()); length <= segments.size(); length++) {
            String prefix = String.join(".", segments.subList(0, length));
            if (others.stream().noneMatch(o -> within(o, prefix))) {
                return prefix + "..";
            }
        }
        return pkg;
    }

    private static List<String> withoutCovered(List<String> patterns) {
        List<String> kept = new ArrayList<>();
        for (String pattern : new TreeSet<>(patterns)) {
            String name = pattern.endsWith("..") ? pattern.substring(0, pattern.length() - 2) : pattern;
            boolean covered = patterns.stream().anyMatch(other -> !other.equals(pattern) && other.endsWith("..")
                    && within(name, other.substring(0, other.length() - 2)));
            if (!covered) {
                kept.add(pattern);
            }
        }
        return kept;
    }

    private static boolean within(String pkg, String prefix) {
        return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
    }

    public boolean isEmpty() {
        return choices.isEmpty();
    }

    /** Each pattern given to a layer, with why, layer by layer. */
    public List<Choice> choices() {
        return choices.stream().sorted(java.util.Comparator.comparing(Choice::layer)).toList();
    }

    /** What was seen but not taken, or needs a person's eye. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The layers as the config declares them, innermost first. */
    public Map<Layer, List<PackagePattern>> layers() {
        Map<Layer, List<PackagePattern>> layers = new EnumMap<>(Layer.class);
        for (Choice choice : choices()) {
            layers.computeIfAbsent(choice.layer(), l -> new ArrayList<>()).add(PackagePattern.of(choice.pattern()));
        }
        return layers;
    }

    /** The proposal as the text of {@code .tenet/config.yml}. */
    public String configYaml() {
        Map<Layer, List<String>> byLayer = new LinkedHashMap<>();
        choices().forEach(c -> byLayer.computeIfAbsent(c.layer(), l -> new ArrayList<>()).add(c.pattern()));
        StringBuilder yaml = new StringBuilder("# Layers proposed by 'tenet init' from this tree's build modules and packages.\n"
                + "# Review them ('..' = any sub-packages; a pattern without it is one package), then commit this file.\n"
                + "layers:\n");
        byLayer.forEach((layer, patterns) -> yaml.append("  ").append(layer.key()).append(": [")
                .append(patterns.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "))).append("]\n"));
        return yaml.toString();
    }
}
