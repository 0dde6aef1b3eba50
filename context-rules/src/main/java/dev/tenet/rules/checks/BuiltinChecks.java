package dev.tenet.rules.checks;

import dev.tenet.rules.checks.layering.DomainFrameworkImportCheck;
import dev.tenet.rules.engine.Check;
import java.util.List;

/** Every built-in check, listed explicitly (no classpath scanning). */
public final class BuiltinChecks {
    private BuiltinChecks() {
    }

    public static List<Check> all() {
        return List.of(
                new DomainFrameworkImportCheck());
    }
}
