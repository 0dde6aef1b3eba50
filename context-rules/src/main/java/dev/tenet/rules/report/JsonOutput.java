package dev.tenet.rules.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pretty-printed JSON that diffs well and is the same on every platform: two-space indent,
 * {@code \n} line ends, one array element per line, {@code "key": value}, {@code []} and {@code {}} when empty.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER);

    private JsonOutput() {
    }

    /**
     * Loads and initialises what printing needs (Jackson's serialisers are read in cold on first use), for a caller that
     * can do it on a spare thread while it works on something else.
     */
    public static void warmUp() {
        ObjectNode sample = object();
        sample.put("text", "").put("number", 1).put("flag", true).putArray("list").addObject();
        print(sample);
    }

    /** A new, empty object whose fields keep their insertion order. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The document as pretty-printed text ending with a newline. */
    public static String print(JsonNode document) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serialises", e);
        }
    }
}
