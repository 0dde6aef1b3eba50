package dev.tenet.rules.engine;

import dev.tenet.rules.TenetInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads Spring property files into flattened keys. A file that cannot be read is an error naming the
 * file and line: configuration evidence that is silently missing would make checks guess.
 */
final class PropertyReader {
    /** A {@code \}{@code u} escape without four hex digits, which {@link Properties#load} refuses. */
    private static final Pattern BAD_UNICODE_ESCAPE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u(?![0-9a-fA-F]{4})");

    private PropertyReader() {
    }

    /**
     * @throws TenetInputException when the file cannot be read, or is malformed YAML (or not UTF-8) or a
     *                             malformed properties file, naming the file (relative to {@code root}) and the line
     */
    static List<PropertyEntry> read(Path root, Path file) {
        String relative = SourceTree.relative(root, file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TenetInputException(relative, 0, "cannot read the file: " + e.getMessage());
        }
        boolean isProperties = file.toString().endsWith(".properties");
        // Spring reads .properties files as ISO-8859-1 (every byte is a character) and YAML as UTF-8.
        String text = isProperties ? new String(bytes, StandardCharsets.ISO_8859_1) : utf8(relative, bytes);
        String[] lines = text.split("\n", -1);
        List<PropertyEntry> entries = new ArrayList<>();
        if (isProperties) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                throw new TenetInputException(relative, badEscapeLine(text), "not a valid properties file: " + e.getMessage());
            }
            for (String key : properties.stringPropertyNames()) {
                entries.add(new PropertyEntry(relative, key, properties.getProperty(key), lineOf(lines, key)));
            }
            return entries;
        }
        try {
            for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
                if (document instanceof Map<?, ?> map) {
                    flatten("", map, lines, relative, entries);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            if (e.getContext() != null && e.getProblem() != null) {
                problem = e.getContext() + ": " + problem;
            }
            throw new TenetInputException(relative, mark == null ? 0 : mark.getLine() + 1, "not valid YAML: " + problem);
        } catch (YAMLException e) {
            throw new TenetInputException(relative, 0, "not valid YAML: " + e.getMessage());
        }
        return entries;
    }

    private static String utf8(String relative, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new TenetInputException(relative, line, "not UTF-8 text (byte " + (in.position() + 1) + ")");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int badEscapeLine(String text) {
        Matcher matcher = BAD_UNICODE_ESCAPE.matcher(text);
        if (!matcher.find()) {
            return 0;
        }
        return (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
    }

    private static void flatten(String prefix, Map<?, ?> map, String[] lines, String file, List<PropertyEntry> out) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, lines, file, out);
            } else {
                String last = String.valueOf(entry.getKey());
                out.add(new PropertyEntry(file, key, String.valueOf(entry.getValue()), lineOf(lines, last)));
            }
        }
    }

    private static int lineOf(String[] lines, String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(key) || line.startsWith(last + ":") || line.startsWith(last + " :")) {
                return i + 1;
            }
        }
        return 1;
    }
}
