package dev.tenet.rules.engine;

/**
 * One Spring property from an {@code application*.yml}/{@code .properties} file of the codebase.
 *
 * @param file  relative path of the file
 * @param key   the flattened key, e.g. {@code spring.kafka.consumer.enable-auto-commit}
 * @param value its value as text
 * @param line  where it is set
 */
public record PropertyEntry(String file, String key, String value, int line) {
}
