package dev.tenet.mcp.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON Schemas of tool inputs and outputs as insertion-ordered maps, so that
 * {@code tools/list} prints the same bytes on every run.
 */
public final class Schema {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    private Schema() {
    }

    /** An object schema with no properties yet; no additional properties are allowed. */
    public static Schema object() {
        return new Schema();
    }

    public Schema string(String name, String description, boolean isRequired) {
        return property(name, type("string", description), isRequired);
    }

    public Schema bool(String name, String description) {
        return property(name, type("boolean", description), false);
    }

    public Schema integer(String name, String description, int minimum, int maximum) {
        Map<String, Object> schema = type("integer", description);
        schema.put("minimum", minimum);
        schema.put("maximum", maximum);
        return property(name, schema, false);
    }

    public Schema enumeration(String name, String description, List<String> values, boolean isRequired) {
        Map<String, Object> schema = type("string", description);
        schema.put("enum", List.copyOf(values));
        return property(name, schema, isRequired);
    }

    public Schema array(String name, Map<String, Object> items, boolean isRequired) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "array");
        schema.put("items", items);
        return property(name, schema, isRequired);
    }

    public Schema property(String name, Map<String, Object> schema, boolean isRequired) {
        properties.put(name, schema);
        if (isRequired) {
            required.add(name);
        }
        return this;
    }

    /** The schema as the ordered map the SDK sends. */
    public Map<String, Object> build() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** A scalar schema: {@code {"type": type}} plus a description when given. */
    public static Map<String, Object> type(String type, String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }
}
