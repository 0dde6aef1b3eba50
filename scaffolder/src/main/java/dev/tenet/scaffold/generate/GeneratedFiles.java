package dev.tenet.scaffold.generate;

import dev.tenet.scaffold.template.TemplateRenderer;
import dev.tenet.scaffold.template.Templates;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The files of a service being generated, in memory, by relative path with {@code /} separators. */
public final class GeneratedFiles {
    private final TemplateRenderer renderer;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Set<String> executables = new TreeSet<>();

    public GeneratedFiles(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** Renders a template into a path. */
    public void render(String path, String template, Map<String, ?> model) {
        text(path, renderer.render(template, model));
    }

    /** Copies a static template as it is. */
    public void copy(String path, String template, boolean executable) {
        add(path, Templates.bytes(template));
        if (executable) {
            executables.add(path);
        }
    }

    public void text(String path, String content) {
        add(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private void add(String path, byte[] content) {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("not a relative path: " + path);
        }
        if (files.putIfAbsent(path, content) != null) {
            throw new IllegalStateException("two contributors generate " + path);
        }
    }

    /** Path to content, sorted by path. */
    public Map<String, byte[]> files() {
        return Collections.unmodifiableMap(files);
    }

    public boolean isExecutable(String path) {
        return executables.contains(path);
    }
}
