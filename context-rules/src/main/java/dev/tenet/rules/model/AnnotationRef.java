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
        attributes = Map.copyOf(attributes);
    }

    /** The simple name: {@code org.springframework.transaction.annotation.Transactional} gives {@code Transactional}. */
    public String simpleName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
