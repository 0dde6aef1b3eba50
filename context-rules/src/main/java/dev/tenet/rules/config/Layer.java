package dev.tenet.rules.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Clean Architecture layers the layering rules know about, innermost first. */
public enum Layer {
    DOMAIN, APPLICATION, ADAPTER, INFRASTRUCTURE, PRESENTATION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Layer> fromKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key().equals(key)).findFirst();
    }

    /** Adapters, infrastructure and presentation: the outer ring application code must not know. */
    public boolean isOuter() {
        return this == ADAPTER || this == INFRASTRUCTURE || this == PRESENTATION;
    }
}
