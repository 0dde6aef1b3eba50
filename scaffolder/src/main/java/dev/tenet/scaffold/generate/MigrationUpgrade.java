package dev.tenet.scaffold.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a service's kept migrations lack that this Tenet's rendering of them has, carried into a new migration: Flyway
 * refuses an applied migration whose content changed, so a schema change for an existing service comes as a new file.
 * Only additive statements an existing schema can take are carried: {@code CREATE INDEX} (the retention purge's
 * indexes, for one). Anything else a newer rendering changes (column types, table options) stays a manual migration.
 */
public final class MigrationUpgrade {
    private static final String CARRIED = "CREATE INDEX ";

    private MigrationUpgrade() {
    }

    /**
     * The statements to carry: each {@code CREATE INDEX} line of a kept migration's new rendering that no migration of
     * the service has yet (an earlier add may have carried it already, or its owner written it).
     *
     * @param kept       the paths of the kept migrations
     * @param rendered   this Tenet's rendering of every file, by path
     * @param migrations the content of every migration the service has, by path
     * @return the statements, in the migrations' order
     */
    public static List<String> missingStatements(Collection<String> kept, Map<String, byte[]> rendered, Map<String, byte[]> migrations) {
        Set<String> present = new HashSet<>();
        migrations.values().forEach(content -> new String(content, StandardCharsets.UTF_8).lines().map(String::strip).forEach(present::add));
        List<String> statements = new ArrayList<>();
        for (String path : kept) {
            byte[] newRendering = rendered.get(path);
            if (newRendering != null) {
                new String(newRendering, StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(line -> line.startsWith(CARRIED) && line.endsWith(";") && !present.contains(line))
                        .forEach(statements::add);
            }
        }
        return statements;
    }

    /** A new migration with the carried statements ahead of its own. */
    public static byte[] prepend(List<String> statements, byte[] migration) {
        StringBuilder upgrade = new StringBuilder("-- Carried from migrations an earlier Tenet rendered without them (those stay as applied).\n");
        statements.forEach(statement -> upgrade.append(statement).append('\n'));
        upgrade.append('\n');
        return (upgrade + new String(migration, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
}
