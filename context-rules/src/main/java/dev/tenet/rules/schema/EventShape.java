package dev.tenet.rules.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields of one event, in declaration order, as a JSON Schema or a Java type describes them. */
public record EventShape(Map<String, FieldShape> fields) {
    public EventShape {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A shape of the given fields, keyed by name. */
    public static EventShape of(List<FieldShape> fields) {
        Map<String, FieldShape> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name(), field));
        return new EventShape(byName);
    }

    public Optional<FieldShape> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
