package dev.tenet.rules.schema;

import java.util.List;

/**
 * One field of an event as a JSON Schema sees it.
 *
 * @param name       the JSON property name
 * @param type       the JSON type ({@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array},
 *                   {@code object}), or {@code null} when it cannot be told
 * @param required   whether every record carries it
 * @param enumValues the values it may take, or {@code null} when it is not an enum
 * @param line       where it is declared (a schema line or a Java declaration line)
 */
public record FieldShape(String name, String type, boolean required, List<String> enumValues, int line) {
    public FieldShape {
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
    }
}
