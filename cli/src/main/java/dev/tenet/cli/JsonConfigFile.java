package dev.tenet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.report.JsonOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's JSON configuration file (an assistant's settings, hooks or MCP servers) read so that Tenet can add its own entry and
 * write everything else back as it was: keys keep their order, a file that is not JSON is an error naming its line.
 */
final class JsonConfigFile {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String path;
    private final boolean existed;
    private final ObjectNode root;

    private JsonConfigFile(String path, boolean existed, ObjectNode root) {
        this.path = path;
        this.existed = existed;
        this.root = root;
    }

    /**
     * Reads {@code path} under {@code repository}: an absent file is an empty object; a file that is not a JSON object is an
     * error, unless {@code replace} is set, in which case it is treated as absent (and will be replaced).
     */
    static JsonConfigFile read(Path repository, String path, boolean replace) {
        Path file = repository.resolve(path);
        if (!Files.exists(file)) {
            return new JsonConfigFile(path, false, MAPPER.createObjectNode());
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TenetInputException(path, 0, "cannot read: " + e.getMessage());
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node instanceof ObjectNode object) {
                return new JsonConfigFile(path, true, object);
            }
            if (replace) {
                return new JsonConfigFile(path, true, MAPPER.createObjectNode());
            }
            throw new TenetInputException(path, 1, "expected a JSON object ({...}); nothing written (fix it, or use --force to replace it)");
        } catch (JsonProcessingException e) {
            if (replace) {
                return new JsonConfigFile(path, true, MAPPER.createObjectNode());
            }
            throw new TenetInputException(path, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + "); nothing written (fix it, or use --force to replace it)");
        }
    }

    String path() {
        return path;
    }

    boolean existed() {
        return existed;
    }

    ObjectNode root() {
        return root;
    }

    /** The object under {@code key} in {@code parent}, added when absent; anything else there is an error naming the key. */
    ObjectNode object(ObjectNode parent, String key, String where) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return parent.putObject(key);
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new TenetInputException(path, 0, "'" + where + "' is " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                + ", expected an object; nothing written");
    }

    /** The array under {@code key} in {@code parent}, added when absent; anything else there is an error naming the key. */
    ArrayNode array(ObjectNode parent, String key, String where) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return parent.putArray(key);
        }
        if (node instanceof ArrayNode array) {
            return array;
        }
        throw new TenetInputException(path, 0, "'" + where + "' is " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                + ", expected an array; nothing written");
    }

    /** The text to write: two-space indents, {@code "key": value}, a final newline. */
    String text() {
        return JsonOutput.print(root);
    }

    /** The file's text as it is on disk, if it exists. */
    Optional<String> current(Path repository) {
        Path file = repository.resolve(path);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
