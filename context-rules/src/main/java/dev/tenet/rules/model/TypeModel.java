package dev.tenet.rules.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine keeps of one declared type (top-level or nested).
 *
 * @param fqn         fully qualified name ({@code com.acme.Order.Line} for a nested type)
 * @param simpleName  the name as declared
 * @param kind        {@code class}, {@code interface}, {@code enum}, {@code record} or {@code annotation}
 * @param annotations annotations on the type
 * @param supertypes  extended and implemented types as written, generics removed
 * @param fields      field (and record component) name to its type as written, generics removed
 * @param methods     methods and constructors
 * @param startLine   first line of the declaration
 * @param endLine     last line
 * @param generatedId whether a field is annotated {@code @GeneratedValue} (saving a new instance inserts a row
 *                    with a fresh id)
 */
public record TypeModel(String fqn, String simpleName, String kind, List<AnnotationRef> annotations,
                        List<String> supertypes, Map<String, String> fields, List<MethodModel> methods,
                        int startLine, int endLine, boolean generatedId) {
    public TypeModel(String fqn, String simpleName, String kind, List<AnnotationRef> annotations, List<String> supertypes,
                     Map<String, String> fields, List<MethodModel> methods, int startLine, int endLine) {
        this(fqn, simpleName, kind, annotations, supertypes, fields, methods, startLine, endLine, false);
    }

    public TypeModel {
        annotations = List.copyOf(annotations);
        supertypes = Names.of(supertypes);
        fields = Map.copyOf(fields);
        methods = List.copyOf(methods);
    }

    public boolean hasAnnotation(String simpleName) {
        return annotation(simpleName).isPresent();
    }

    public Optional<AnnotationRef> annotation(String simpleName) {
        for (AnnotationRef annotation : annotations) {
            if (annotation.hasSimpleName(simpleName)) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    public String packageName() {
        int dot = fqn.lastIndexOf('.');
        return dot < 0 ? "" : fqn.substring(0, dot);
    }
}
