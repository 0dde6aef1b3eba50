package dev.tenet.scaffold.generate;

import dev.tenet.scaffold.spec.ConsumerSpec;
import dev.tenet.scaffold.spec.IdempotencyStore;
import dev.tenet.scaffold.spec.Names;
import dev.tenet.scaffold.spec.PipelineSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The move of a database-idempotency service from the {@code processed_event} table (what Tenet generated before) to
 * each consumer's events table as its dedup record: the events tables its migrations created without the
 * {@code claim_token} column get it in a new migration. {@code ALTER TABLE ... ADD COLUMN} with a constant default
 * changes no row on MariaDB 10.3+, MySQL 8 or PostgreSQL 11+, so it is quick on a large table. {@code processed_event}
 * itself stays: replicas of the earlier version still write it during a rolling update.
 */
public final class EventTableClaimUpgrade {
    static final String COLUMN = "claim_token";
    private static final Pattern NAMES_COLUMN = Pattern.compile("(?is).*\\b" + COLUMN + "\\b.*");

    private EventTableClaimUpgrade() {
    }

    /**
     * The events tables that need the column: those of the service's consumers that one of its migrations creates and
     * none gives {@code claim_token}, in the consumers' order. None with Redis idempotency.
     *
     * @param spec       the service's spec before the new consumer (its migration is not written yet)
     * @param migrations the content of every migration the service has
     * @return the tables to alter
     */
    public static List<String> tablesWithoutClaim(PipelineSpec spec, Collection<byte[]> migrations) {
        if (spec.idempotency() != IdempotencyStore.DATABASE) {
            return List.of();
        }
        List<String> statements = new ArrayList<>();
        migrations.forEach(content -> statements.addAll(statements(new String(content, StandardCharsets.UTF_8))));
        List<String> tables = new ArrayList<>();
        for (ConsumerSpec consumer : spec.consumers()) {
            String table = Names.snake(consumer.event());
            Pattern creates = Pattern.compile("(?is)^CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + table + "\\b.*");
            Pattern createsOrAlters = Pattern.compile("(?is)^(CREATE|ALTER)\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + table + "\\b.*");
            boolean created = statements.stream().anyMatch(s -> creates.matcher(s).matches());
            boolean claimed = statements.stream().anyMatch(s -> createsOrAlters.matcher(s).matches() && NAMES_COLUMN.matcher(s).matches());
            if (created && !claimed) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** The statements that add the column, ahead of a new migration's own. */
    public static byte[] prepend(List<String> tables, byte[] migration) {
        StringBuilder upgrade = new StringBuilder("""
                -- Each consumer's events table is now its dedup record (an earlier Tenet kept the ids in processed_event); its
                -- insert marks the rows it stored with claim_token. processed_event is no longer written: drop it once no replica
                -- of the earlier version runs.
                """);
        tables.forEach(table -> upgrade.append("ALTER TABLE ").append(table).append(" ADD COLUMN ").append(COLUMN)
                .append(" BIGINT NOT NULL DEFAULT 0;\n"));
        upgrade.append('\n');
        return (upgrade + new String(migration, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** A migration's statements, comments left out, whitespace as written. */
    private static List<String> statements(String sql) {
        String withoutComments = String.join("\n", sql.lines().map(line -> line.replaceFirst("--.*$", "")).toList());
        return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
