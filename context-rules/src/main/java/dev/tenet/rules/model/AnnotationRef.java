package dev.tenet.rules.model;

import java.util.Map;

/**
 * An annotation as written in source.
 *
 * @param name       the name as written ({@code Transactional} or a qualified name)
 * @param attributes attribute name to its source text ({@code value} for a single-member annotation)
 * @param line       where it is
 */
public record AnnotationRef(String name, Map<String, String> attributes, int line) {
    public AnnotationRef {
        name = Names.of(name);
        attributes = Map.copyOf(attributes);
    }

    /** Whether the simple name is {@code simpleName}, without cutting the name (listeners are looked up on every method). */
    public boolean hasSimpleName(String simpleName) {
        int dot = name.length() - simpleName.length() - 1;
        return name.endsWith(simpleName) && (dot < 0 ? dot == -1 : name.charAt(dot) == '.');
    }

    /** The simple name: {@code org.springframework.transaction.annotation.Transactional} gives {@code Transactional}. */
    public String simpleName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
