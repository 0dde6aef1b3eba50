package dev.tenet.scaffold.spec;

/**
 * The per-key state the consumers accumulate: a class name, its key field and its running total.
 *
 * @param name  PascalCase class name, e.g. {@code TrainingProgress}
 * @param key   the key field, e.g. {@code userId}
 * @param total the total field, e.g. {@code trainingMinutes}
 */
public record AggregateSpec(String name, String key, String total) {
}
