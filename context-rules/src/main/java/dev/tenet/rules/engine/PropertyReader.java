package dev.tenet.rules.engine;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads Spring property files into flattened keys; a file that cannot be read is skipped (it is not Java to check). */
final class PropertyReader {
    private PropertyReader() {
    }

    static List<PropertyEntry> read(Path root, Path file) {
        List<PropertyEntry> entries = new ArrayList<>();
        String relative = SourceTree.relative(root, file);
        try {
            String text = Files.readString(file);
            String[] lines = text.split("\n", -1);
            if (file.toString().endsWith(".properties")) {
                Properties properties = new Properties();
                properties.load(new StringReader(text));
                for (String key : properties.stringPropertyNames()) {
                    entries.add(new PropertyEntry(relative, key, properties.getProperty(key), lineOf(lines, key)));
                }
            } else {
                for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
                    if (document instanceof Map<?, ?> map) {
                        flatten("", map, lines, relative, entries);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return entries;
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
