package dev.tenet.rules.engine;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.config.Layer;
import dev.tenet.rules.config.PackagePattern;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.model.FileModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A declared layer pattern that matches no package is a typo, not a pass: refuse it unless opted out. */
final class LayerValidator {
    private LayerValidator() {
    }

    static void validate(Project project) {
        TenetConfig config = project.config();
        if (!config.layersExplicit() || config.allowEmptyLayers()) {
            return;
        }
        Set<String> packages = project.files().stream().filter(FileModel::parsed).map(FileModel::packageName)
                .collect(Collectors.toSet());
        for (Map.Entry<Layer, List<PackagePattern>> layer : config.layers().entrySet()) {
            for (PackagePattern pattern : layer.getValue()) {
                if (packages.stream().noneMatch(pattern::matches)) {
                    throw new TenetInputException(config.file(), 0, "layer '" + layer.getKey().key() + "' pattern '" + pattern
                            + "' matches no package of the checked code; fix the pattern or set 'allowEmptyLayers: true'");
                }
            }
        }
    }
}
