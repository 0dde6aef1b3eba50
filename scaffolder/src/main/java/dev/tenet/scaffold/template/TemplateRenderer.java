package dev.tenet.scaffold.template;

import java.util.Map;

/** Renders a named logic-less template with a model whose values were computed in Java. */
public interface TemplateRenderer {
    /**
     * Renders one template.
     *
     * @param name  the template's name in {@link Templates}, e.g. {@code build/pom.xml.mustache}
     * @param model the values the template refers to; a missing value is an error, not an empty string
     * @return the rendered text
     */
    String render(String name, Map<String, ?> model);
}
