package dev.tenet.mcp.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.mcp.Json;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates tool arguments and structured results against the small JSON Schemas this server
 * declares ({@code type}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code items}, {@code enum}, {@code minimum}, {@code maximum}). A schema using any other
 * keyword is rejected up front, so nothing is silently left unchecked.
 */
public final class SchemaValidator implements JsonSchemaValidator {
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties", "items",
            "enum", "minimum", "maximum", "description", "title", "default", "$schema");

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object content) {
        if (schema == null || content == null) {
            throw new IllegalArgumentException("schema and content must not be null");
        }
        JsonNode value;
        try {
            value = content instanceof String text ? Json.MAPPER.readTree(text) : Json.MAPPER.valueToTree(content);
        } catch (IOException e) {
            return ValidationResponse.asInvalid("not JSON: " + e.getMessage());
        }
        List<String> errors = new ArrayList<>();
        check(Json.MAPPER.valueToTree(schema), value, "$", errors);
        return errors.isEmpty() ? ValidationResponse.asValid(Json.write(value)) : ValidationResponse.asInvalid(String.join("; ", errors));
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        List<String> errors = new ArrayList<>();
        checkSchema(Json.MAPPER.valueToTree(schema), "$", errors);
        return errors.isEmpty() ? ValidationResponse.asValid(null) : ValidationResponse.asInvalid(String.join("; ", errors));
    }

    private static void checkSchema(JsonNode schema, String at, List<String> errors) {
        if (!schema.isObject()) {
            errors.add(at + ": a schema must be an object");
            return;
        }
        schema.fieldNames().forEachRemaining(k -> {
            if (!KEYWORDS.contains(k)) {
                errors.add(at + ": unsupported keyword '" + k + "'");
            }
        });
        schema.path("properties").fields().forEachRemaining(e -> checkSchema(e.getValue(), at + "." + e.getKey(), errors));
        if (schema.has("items")) {
            checkSchema(schema.get("items"), at + "[]", errors);
        }
        if (schema.path("additionalProperties").isObject()) {
            checkSchema(schema.get("additionalProperties"), at + ".*", errors);
        }
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> errors) {
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            errors.add(at + ": expected " + type + " but got " + kind(value));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isNumber() && schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            errors.add(at + ": " + value + " is less than the minimum " + schema.get("minimum"));
        }
        if (value.isNumber() && schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            errors.add(at + ": " + value + " is more than the maximum " + schema.get("maximum"));
        }
        if (value.isObject()) {
            checkObject(schema, value, at, errors);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", errors);
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String at, List<String> errors) {
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                errors.add(at + ": required property '" + name.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = at + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), path, errors);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                errors.add(at + ": unknown property '" + field.getKey() + "'");
            } else if (additional.isObject()) {
                check(additional, field.getValue(), path, errors);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonNode value) {
        return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
