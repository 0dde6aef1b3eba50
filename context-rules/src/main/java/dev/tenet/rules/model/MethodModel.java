package dev.tenet.rules.model;

import java.util.List;
import java.util.Optional;

/**
 * What the engine keeps of one method or constructor after the tree is gone.
 *
 * @param name           method name ({@code <init>} for a constructor)
 * @param parameterTypes parameter types as written (erasure, e.g. {@code ConsumerRecord})
 * @param returnType     the return type as written, generics included ({@code ResponseEntity<Order>})
 * @param annotations    annotations on the method
 * @param startLine      first line of the declaration (annotations excluded)
 * @param endLine        last line
 * @param calls          calls made in the body, lambdas included
 * @param effects        effects told from framework calls in the body
 * @param branches       the body's {@code if}s, for telling code that never runs together
 */
public record MethodModel(String name, List<String> parameterTypes, String returnType, List<AnnotationRef> annotations,
                          int startLine, int endLine, List<CallRef> calls, List<EffectRef> effects, List<Branch> branches) {
    public MethodModel {
        name = Names.of(name);
        returnType = Names.of(returnType);
        parameterTypes = Names.of(parameterTypes);
        annotations = List.copyOf(annotations);
        calls = List.copyOf(calls);
        effects = List.copyOf(effects);
        branches = List.copyOf(branches);
    }

    public MethodModel(String name, List<String> parameterTypes, String returnType, List<AnnotationRef> annotations,
                       int startLine, int endLine, List<CallRef> calls, List<EffectRef> effects) {
        this(name, parameterTypes, returnType, annotations, startLine, endLine, calls, effects, List.of());
    }

    /** Whether code on these two lines of the body can never both run (they sit on branches that exclude each other). */
    public boolean separates(int a, int b) {
        return branches.stream().anyMatch(branch -> branch.separates(a, b));
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

    public boolean has(Effect effect) {
        return effects.stream().anyMatch(e -> e.effect() == effect);
    }
}
