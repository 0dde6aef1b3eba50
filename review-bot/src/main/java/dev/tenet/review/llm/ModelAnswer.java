package dev.tenet.review.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the model may answer: {@code {"findings":[{"ruleId","line","message","suggestion"}]}}, asked for as a
 * JSON schema where the provider supports one, and read defensively (code fences, prose around the object,
 * a bare array, numbers as strings) because a model may not keep to it.
 */
final class ModelAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One finding as the model stated it; {@code null} fields were missing or of the wrong type. */
    record Item(String ruleId, Integer line, String message, String suggestion) {
        boolean complete() {
            return ruleId != null && !ruleId.isBlank() && line != null && message != null && !message.isBlank();
        }
    }

    static final ResponseFormat FORMAT = ResponseFormat.builder().type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("tenet_review").rootElement(JsonObjectSchema.builder()
                    .addProperty("findings", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                            .addStringProperty("ruleId", "the exact id of a listed rule")
                            .addIntegerProperty("line", "a changed line number of the hunk")
                            .addStringProperty("message", "what is wrong and why, one sentence")
                            .addStringProperty("suggestion", "how to fix it, one sentence")
                            .required("ruleId", "line", "message", "suggestion")
                            .additionalProperties(false).build()).build())
                    .required("findings").additionalProperties(false).build()).build())
            .build();

    private ModelAnswer() {
    }

    /** The items of an answer, or empty when the answer is not JSON of the expected shape. */
    static Optional<List<Item>> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        JsonNode root = read(text.strip()).or(() -> read(between(text, '{', '}'))).or(() -> read(between(text, '[', ']'))).orElse(null);
        JsonNode findings = root == null ? null : root.isArray() ? root : root.get("findings");
        if (findings == null || !findings.isArray()) {
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode node : findings) {
            items.add(new Item(text(node, "ruleId"), line(node.get("line")), text(node, "message"), text(node, "suggestion")));
        }
        return Optional.of(items);
    }

    private static Optional<JsonNode> read(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && (node.isObject() || node.isArray()) ? Optional.of(node) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static String between(String text, char open, char close) {
        int start = text.indexOf(open);
        int end = text.lastIndexOf(close);
        return start >= 0 && end > start ? text.substring(start, end + 1) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText().strip() : null;
    }

    private static Integer line(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.canConvertToInt() && value.isIntegralNumber()) {
            return value.asInt();
        }
        if (value.isTextual() && value.asText().strip().matches("\\d{1,9}")) {
            return Integer.parseInt(value.asText().strip());
        }
        return null;
    }
}
