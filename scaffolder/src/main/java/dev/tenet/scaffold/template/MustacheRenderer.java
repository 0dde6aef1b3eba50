package dev.tenet.scaffold.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link TemplateRenderer} on jmustache: no HTML escaping (we write code), missing values are errors, templates compiled once. */
public final class MustacheRenderer implements TemplateRenderer {
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).strictSections(false);
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    @Override
    public String render(String name, Map<String, ?> model) {
        Template template = compiled.computeIfAbsent(name, n -> compiler.compile(Templates.read(n)));
        try {
            return template.execute(model);
        } catch (com.samskivert.mustache.MustacheException e) {
            throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
        }
    }
}
