package dev.tenet.rules.config;

import dev.tenet.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A repository's {@code .tenet/config.yml}: layers mapped to package patterns, rules switched off or
 * re-graded, excluded paths.
 *
 * @param file              where the config was read from ({@code null} for the defaults)
 * @param layers            layer to the patterns of its packages (none unless declared: the engine then reads them
 *                          from the package layout when it follows the convention, see {@code LayoutConvention})
 * @param layersExplicit    true when the config declared layers (then each pattern must match a package)
 * @param allowEmptyLayers  opt-out: a layer pattern that matches no package is not an error
 * @param ruleSettings      rule id to its setting ({@code off}, or a severity)
 * @param ruleSettingLines  rule id to the config line that set it (for error messages)
 * @param excludes          paths not checked
 * @param allowEmptyExcludes opt-out: an exclusion that matches no file is not an error
 * @param effects           the team's own wrappers: {@code fully.qualified.Type#method} to the effect a call has
 * @param perKeyTopics      topics whose records must carry a key (the id of the entity they are about), names or globs
 * @param allowEmptyPerKeyTopics opt-out: a per-key topic pattern that matches no topic the code sends to is not an error
 * @param checkTestSources  opt-in: test sources (src/test, src/it, Gatling, JMH, {@code *Test}, {@code *IT}) are checked too
 * @param partialTree       the tree holds only some of the codebase's files (a pull request's): what the config names may
 *                          live in files that are not there, so nothing is validated against the code
 */
public record TenetConfig(String file, Map<Layer, List<PackagePattern>> layers, boolean layersExplicit,
                          boolean allowEmptyLayers, Map<String, String> ruleSettings, Map<String, Integer> ruleSettingLines,
                          List<PathGlob> excludes, boolean allowEmptyExcludes, Map<String, DeclaredEffect> effects,
                          List<TopicPattern> perKeyTopics, boolean allowEmptyPerKeyTopics, boolean checkTestSources,
                          boolean partialTree) {

    /** An effect a team declares for one of its own methods, with the config line that says so. */
    public record DeclaredEffect(String effect, int line) {
    }

    public TenetConfig(String file, Map<Layer, List<PackagePattern>> layers, boolean layersExplicit, boolean allowEmptyLayers,
                       Map<String, String> ruleSettings, Map<String, Integer> ruleSettingLines, List<PathGlob> excludes,
                       boolean allowEmptyExcludes) {
        this(file, layers, layersExplicit, allowEmptyLayers, ruleSettings, ruleSettingLines, excludes, allowEmptyExcludes, Map.of());
    }

    public TenetConfig(String file, Map<Layer, List<PackagePattern>> layers, boolean layersExplicit, boolean allowEmptyLayers,
                       Map<String, String> ruleSettings, Map<String, Integer> ruleSettingLines, List<PathGlob> excludes,
                       boolean allowEmptyExcludes, Map<String, DeclaredEffect> effects) {
        this(file, layers, layersExplicit, allowEmptyLayers, ruleSettings, ruleSettingLines, excludes, allowEmptyExcludes, effects,
                List.of(), false, false, false);
    }

    public static final String OFF = "off";

    public TenetConfig {
        layers = Map.copyOf(layers);
        ruleSettings = Map.copyOf(ruleSettings);
        ruleSettingLines = Map.copyOf(ruleSettingLines);
        excludes = List.copyOf(excludes);
        effects = Map.copyOf(effects);
        perKeyTopics = List.copyOf(perKeyTopics);
    }

    /**
     * This config for a partial tree (only some of the codebase's files): a layer pattern or exclusion that
     * matches nothing there is no typo, so the empty-match errors are off as asked. Per-key topic patterns
     * select code as layers do, and follow {@code emptyLayers}.
     */
    public TenetConfig allowingEmptyMatches(boolean emptyLayers, boolean emptyExcludes) {
        return new TenetConfig(file, layers, layersExplicit, allowEmptyLayers || emptyLayers, ruleSettings, ruleSettingLines, excludes,
                allowEmptyExcludes || emptyExcludes, effects, perKeyTopics, allowEmptyPerKeyTopics || emptyLayers, checkTestSources,
                partialTree);
    }

    /** This config for a tree holding only some of the codebase's files: no empty-match errors, no validation against the code. */
    public TenetConfig forPartialTree() {
        return new TenetConfig(file, layers, layersExplicit, true, ruleSettings, ruleSettingLines, excludes, true, effects,
                perKeyTopics, true, checkTestSources, true);
    }

    /** This config with other layers, not declared by the user (so not validated against the packages). */
    public TenetConfig withFoundLayers(Map<Layer, List<PackagePattern>> found) {
        return new TenetConfig(file, found, false, allowEmptyLayers, ruleSettings, ruleSettingLines, excludes, allowEmptyExcludes,
                effects, perKeyTopics, allowEmptyPerKeyTopics, checkTestSources, partialTree);
    }

    /** The configuration used when a repository has none. */
    public static TenetConfig defaults() {
        return new TenetConfig(null, Map.of(), false, true, Map.of(), Map.of(), List.of(), true, Map.of(), List.of(), false, false, false);
    }

    /** The layer of a package; the innermost declared layer wins when patterns overlap. */
    public Optional<Layer> layerOf(String packageName) {
        for (Layer layer : Layer.values()) {
            for (PackagePattern pattern : layers.getOrDefault(layer, List.of())) {
                if (pattern.matches(packageName)) {
                    return Optional.of(layer);
                }
            }
        }
        return Optional.empty();
    }

    public boolean isEnabled(String ruleId) {
        return !OFF.equals(ruleSettings.get(ruleId));
    }

    /** The severity the config gives a rule, if it re-grades it. */
    public Optional<Severity> severityOf(String ruleId) {
        String setting = ruleSettings.get(ruleId);
        return setting == null || setting.equals(OFF) || setting.equals("on") ? Optional.empty() : Optional.of(Severity.parse(setting));
    }

    public boolean isExcluded(String relativePath) {
        return excludes.stream().anyMatch(g -> g.matches(relativePath));
    }
}
