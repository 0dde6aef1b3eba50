package dev.tenet.scaffold.generate;

import dev.tenet.scaffold.spec.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of one event, as committed in a generated service and registered as
 * it is in Confluent Schema Registry or Apicurio (JSON Schema mode). Its {@code javaType} names the
 * Java type it describes, which {@code tenet check} compares it with; additional properties are
 * allowed, as the generated consumers ignore fields they do not know.
 */
public final class EventSchemaDocument {
    /** The version every generated schema starts at; the published records' {@code event-version} header carries it. */
    public static final int FIRST_VERSION = 1;

    /**
     * One property.
     *
     * @param name        its name
     * @param type        its spec type
     * @param description what it is
     */
    public record Property(String name, FieldType type, String description) {
    }

    private final String title;
    private final String description;
    private final String javaType;
    private final List<Property> properties = new ArrayList<>();

    public EventSchemaDocument(String title, String description, String javaType) {
        this.title = title;
        this.description = description;
        this.javaType = javaType;
    }

    /** Adds a required property (every generated event checks its fields are present). */
    public EventSchemaDocument property(String name, FieldType type, String description) {
        properties.add(new Property(name, type, description));
        return this;
    }

    /** The path of version {@code version} of the schema of a topic's records. */
    public static String path(String topic, int version) {
        return "src/main/resources/schemas/" + topic + "/v" + version + ".json";
    }

    public String toJson() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n");
        json.append("  \"title\": ").append(quoted(title)).append(",\n");
        json.append("  \"description\": ").append(quoted(description)).append(",\n");
        json.append("  \"javaType\": ").append(quoted(javaType)).append(",\n");
        json.append("  \"type\": \"object\",\n");
        json.append("  \"properties\": {\n");
        for (int i = 0; i < properties.size(); i++) {
            Property property = properties.get(i);
            json.append("    ").append(quoted(property.name())).append(": {").append(type(property.type()))
                    .append(", \"description\": ").append(quoted(property.description())).append("}")
                    .append(i + 1 < properties.size() ? ",\n" : "\n");
        }
        json.append("  },\n");
        json.append("  \"required\": [").append(String.join(", ", properties.stream().map(p -> quoted(p.name())).toList())).append("],\n");
        json.append("  \"additionalProperties\": true\n");
        return json.append("}\n").toString();
    }

    private static String type(FieldType type) {
        return switch (type) {
            case STRING -> "\"type\": \"string\"";
            case INT, LONG -> "\"type\": \"integer\"";
            case BOOLEAN -> "\"type\": \"boolean\"";
            case DECIMAL -> "\"type\": \"number\"";
            case INSTANT -> "\"type\": \"string\", \"format\": \"date-time\"";
        };
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
