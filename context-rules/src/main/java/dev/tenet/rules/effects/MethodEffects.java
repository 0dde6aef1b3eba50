package dev.tenet.rules.effects;

import java.util.List;

/**
 * What one framework method does, as the effect model says.
 *
 * @param effects effect names from {@code tenet/effects.yml} ({@code kafka-send}, {@code db-update}, ...)
 * @param returns the type a fluent call returns, or {@code null} when the chain ends here for the model
 * @param verb    the HTTP verb the call fixes for the request being built, or {@code null}
 */
public record MethodEffects(List<String> effects, String returns, String verb) {
    public MethodEffects {
        effects = List.copyOf(effects);
    }
}
