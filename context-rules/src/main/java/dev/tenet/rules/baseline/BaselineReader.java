package dev.tenet.rules.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tenet.rules.TenetInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code .tenet/baseline.json} token by token, so every problem is reported with the line
 * it is on and what was expected there.
 */
final class BaselineReader {
    private static final String SHAPE = "{\"version\": 1, \"findings\": [...]}";
    private static final String ENTRY_SHAPE = "{\"ruleId\": ..., \"fingerprint\": ..., \"file\": ..., \"message\": ...}";
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Path file;
    private final JsonParser parser;

    private BaselineReader(Path file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    static List<BaselineEntry> read(Path file) {
        try (JsonParser parser = JSON.createParser(Files.readAllBytes(file))) {
            return new BaselineReader(file, parser).document();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TenetInputException(file, line, "the baseline is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TenetInputException(file, 0, "cannot read the baseline: " + e.getMessage());
        }
    }

    private List<BaselineEntry> document() throws IOException {
        if (parser.nextToken() == null) {
            throw problem("the baseline is empty; expected " + SHAPE);
        }
        expect(JsonToken.START_OBJECT, "expected " + SHAPE);
        Integer version = null;
        List<BaselineEntry> entries = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "version" -> version = version();
                case "findings" -> entries = entries();
                default -> parser.skipChildren();
            }
        }
        if (version == null) {
            throw problem("the baseline has no \"version\"; expected " + SHAPE);
        }
        if (entries == null) {
            throw problem("the baseline has no \"findings\" array; expected " + SHAPE);
        }
        if (parser.nextToken() != null) {
            throw problem("unexpected content after the baseline object");
        }
        return entries;
    }

    private int version() throws IOException {
        expect(JsonToken.VALUE_NUMBER_INT, "\"version\" must be the number " + Baseline.VERSION);
        int version = parser.getIntValue();
        if (version != Baseline.VERSION) {
            throw problem("unsupported baseline version " + version + "; this Tenet reads version " + Baseline.VERSION
                    + " (recreate it with `tenet baseline`)");
        }
        return version;
    }

    private List<BaselineEntry> entries() throws IOException {
        expect(JsonToken.START_ARRAY, "\"findings\" must be an array of " + ENTRY_SHAPE);
        List<BaselineEntry> entries = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            entries.add(entry(entries.size()));
        }
        return entries;
    }

    private BaselineEntry entry(int index) throws IOException {
        expect(JsonToken.START_OBJECT, "finding " + (index + 1) + " must be an object " + ENTRY_SHAPE);
        int line = parser.currentTokenLocation().getLineNr();
        Map<String, String> fields = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (List.of("ruleId", "fingerprint", "file", "message").contains(name)) {
                expect(JsonToken.VALUE_STRING, "\"" + name + "\" of finding " + (index + 1) + " must be a string");
                fields.put(name, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        for (String required : List.of("ruleId", "fingerprint")) {
            if (fields.getOrDefault(required, "").isBlank()) {
                throw new TenetInputException(file, line, "finding " + (index + 1) + " has no \"" + required
                        + "\"; expected " + ENTRY_SHAPE);
            }
        }
        return new BaselineEntry(fields.get("ruleId"), fields.get("fingerprint"), fields.get("file"), fields.get("message"));
    }

    private void expect(JsonToken token, String expectation) {
        if (parser.currentToken() != token) {
            throw problem(expectation);
        }
    }

    private TenetInputException problem(String message) {
        return new TenetInputException(file, parser.currentTokenLocation().getLineNr(), message);
    }
}
