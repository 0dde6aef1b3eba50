package dev.tenet.scaffold.generate;

import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.Relay;
import dev.tenet.scaffold.template.TemplateRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The move of a polling-relay service's outbox from one row per message ({@code outbox_message}, what Tenet generated
 * before) to one row per transaction and shard ({@code outbox_batch}): statements a new migration runs before its own,
 * which create {@code outbox_batch}, move the waiting messages into it (one per row, in order) and drop the old table.
 * A CDC service keeps {@code outbox_message}: Debezium's outbox router needs a row per message.
 */
public final class OutboxBatchUpgrade {
    static final String TEMPLATE = "resources/outbox-batch-upgrade.sql.mustache";
    private static final Pattern CREATES_OLD = Pattern.compile("(?im)^\\s*CREATE TABLE outbox_message\\b");
    private static final Pattern HAS_NEW = Pattern.compile("(?im)^\\s*CREATE TABLE outbox_batch\\b");

    private OutboxBatchUpgrade() {
    }

    /**
     * Whether the service needs the move: it polls and one of its migrations creates {@code outbox_message} while none
     * creates {@code outbox_batch} yet.
     *
     * @param spec       the service's spec
     * @param migrations the content of every migration the service has, by path
     * @return true if a new migration must move the outbox
     */
    public static boolean needed(PipelineSpec spec, Map<String, byte[]> migrations) {
        if (spec.relay() != Relay.POLLING) {
            return false;
        }
        boolean old = false;
        for (byte[] content : migrations.values()) {
            String text = new String(content, StandardCharsets.UTF_8);
            if (HAS_NEW.matcher(text).find()) {
                return false;
            }
            old |= CREATES_OLD.matcher(text).find();
        }
        return old;
    }

    /** The move's statements for the service's database. */
    public static String statements(PipelineSpec spec, TemplateRenderer renderer) {
        return renderer.render(TEMPLATE, new ServiceModel(spec).values());
    }

    /** A new migration with the move ahead of its own statements. */
    public static byte[] prepend(String statements, byte[] migration) {
        return (statements + "\n" + new String(migration, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
}
