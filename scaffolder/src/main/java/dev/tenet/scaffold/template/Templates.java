package dev.tenet.scaffold.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The event-pipeline templates shipped in the jar under {@code tenet/templates/}: listed by
 * {@code index.txt}, read by name. The MCP server serves the same files to assistants.
 */
public final class Templates {
    private static final String ROOT = "/tenet/templates/";
    private static final List<String> NAMES = load();

    private Templates() {
    }

    /** Every template name, e.g. {@code java/adapter/Listener.java.mustache}, in index order. */
    public static List<String> list() {
        return NAMES;
    }

    /** The text of one template; an unknown name is an {@link IllegalArgumentException}. */
    public static String read(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown template '" + name + "'");
        }
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The raw bytes of a template (static files such as {@code mvnw} are copied as they are). */
    public static byte[] bytes(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is listed but missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> load() {
        String index = new String(bytes0("index.txt"), StandardCharsets.UTF_8);
        return Arrays.stream(index.split("\n")).map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }

    private static byte[] bytes0(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("tenet/templates/" + name + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
