package dev.tenet.scaffold.spec;

/** Writes a spec back as canonical YAML (kept in the generated service so {@code tenet add consumer} can regenerate). */
public final class SpecWriter {
    private SpecWriter() {
    }

    public static String write(PipelineSpec spec) {
        StringBuilder y = new StringBuilder();
        y.append("# The pipeline spec this service was generated from; `tenet add consumer` appends to it.\n");
        y.append("service: ").append(spec.service()).append('\n');
        y.append("package: ").append(spec.basePackage()).append('\n');
        y.append("database: ").append(spec.database().key()).append('\n');
        y.append("partitions: ").append(spec.partitions()).append('\n');
        if (spec.relay() != Relay.POLLING) {
            y.append("relay: ").append(spec.relay().key()).append('\n');
        }
        y.append("aggregate:\n");
        y.append("  name: ").append(spec.aggregate().name()).append('\n');
        y.append("  key: ").append(spec.aggregate().key()).append('\n');
        y.append("  total: ").append(spec.aggregate().total()).append('\n');
        y.append("consumers:\n");
        for (ConsumerSpec c : spec.consumers()) {
            y.append(consumer(c, "  "));
        }
        y.append("publishes:\n");
        y.append("  topic: ").append(quoted(spec.publishes().topic())).append('\n');
        y.append("  event: ").append(spec.publishes().event()).append('\n');
        y.append("  key: ").append(spec.aggregate().key()).append('\n');
        y.append("idempotency:\n");
        y.append("  store: ").append(spec.idempotency().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        y.append("  ttl: ").append(Durations.format(spec.idempotencyTtl())).append('\n');
        y.append("retry:\n");
        y.append("  attempts: ").append(spec.retry().attempts()).append('\n');
        y.append("  initialInterval: ").append(Durations.format(spec.retry().initialInterval())).append('\n');
        y.append("  multiplier: ").append(spec.retry().multiplier()).append('\n');
        y.append("  maxInterval: ").append(Durations.format(spec.retry().maxInterval())).append('\n');
        spec.partner().ifPresent(p -> {
            y.append("partner:\n");
            y.append("  name: ").append(p.name()).append('\n');
            y.append("  baseUrl: ").append(quoted(p.baseUrl())).append('\n');
            y.append("  path: ").append(quoted(p.path())).append('\n');
            y.append("  connectTimeout: ").append(Durations.format(p.connectTimeout())).append('\n');
            y.append("  readTimeout: ").append(Durations.format(p.readTimeout())).append('\n');
        });
        spec.cache().ifPresent(c -> {
            y.append("cache:\n  ttl: ").append(Durations.format(c.ttl())).append('\n');
            if (c.tiered()) {
                y.append("  tiered: true\n  localTtl: ").append(Durations.format(c.localTtl()))
                        .append("\n  localMaxSize: ").append(c.localMaxSize()).append('\n');
            }
        });
        return y.toString();
    }

    /** One consumer as a list item, indented by {@code indent}. */
    public static String consumer(ConsumerSpec c, String indent) {
        StringBuilder y = new StringBuilder();
        y.append(indent).append("- topic: ").append(quoted(c.topic())).append('\n');
        String in = indent + "  ";
        y.append(in).append("event: ").append(c.event()).append('\n');
        y.append(in).append("key: ").append(c.key()).append('\n');
        y.append(in).append("id: ").append(c.id()).append('\n');
        y.append(in).append("amount: ").append(c.amount()).append('\n');
        y.append(in).append("fields:\n");
        for (FieldSpec f : c.fields()) {
            y.append(in).append("  ").append(f.name()).append(": ").append(f.type().key()).append('\n');
        }
        return y.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
