package dev.tenet.rules.model;

/**
 * One occurrence of an {@link Effect} in a method.
 *
 * @param effect what happens
 * @param line   where
 * @param column the column where the call expression starts (1-based; 0 when not known)
 * @param detail short source text that shows it (e.g. {@code kafkaTemplate.send}), for messages and fingerprints
 */
public record EffectRef(Effect effect, int line, int column, String detail) {
    public EffectRef {
        detail = Names.of(detail);
    }
}
