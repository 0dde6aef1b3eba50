package dev.tenet.mcp.tools;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed access to a tool's arguments (already checked against the input schema by the server). */
record Arguments(Map<String, Object> values) {

    Arguments {
        values = values == null ? Map.of() : values;
    }

    Optional<String> string(String name) {
        Object value = values.get(name);
        return value instanceof String text && !text.isEmpty() ? Optional.of(text) : Optional.empty();
    }

    /** A list of strings; empty when absent. */
    List<String> strings(String name) {
        return values.get(name) instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }

    int integer(String name, int fallback) {
        return values.get(name) instanceof Number number ? number.intValue() : fallback;
    }

    boolean bool(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }
}
