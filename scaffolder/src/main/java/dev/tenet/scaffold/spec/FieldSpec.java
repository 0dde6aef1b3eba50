package dev.tenet.scaffold.spec;

/** One field of an event: a camelCase name and its type. */
public record FieldSpec(String name, FieldType type) {
}
