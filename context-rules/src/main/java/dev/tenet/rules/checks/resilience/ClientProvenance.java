package dev.tenet.rules.checks.resilience;

import java.util.List;

/**
 * Where the client of an HTTP call comes from, told from its file: injected (a bean decides), built
 * here from injected builders or factories, or built here from scratch.
 *
 * @param kind   how the client is obtained
 * @param inputs for {@link Kind#FROM}: the normalized types of the injected builders/factories it is built from
 * @param text   the building expression, shortened, for messages
 */
record ClientProvenance(Kind kind, List<String> inputs, String text) {
    private static final int TEXT_LIMIT = 80;

    /** How a client is obtained. */
    enum Kind { INJECTED, FROM, BUILT }

    ClientProvenance {
        inputs = List.copyOf(inputs);
        String oneLine = text.replaceAll("\\s+", " ").strip();
        text = oneLine.length() <= TEXT_LIMIT ? oneLine : oneLine.substring(0, TEXT_LIMIT - 3) + "...";
    }

    static ClientProvenance injected() {
        return new ClientProvenance(Kind.INJECTED, List.of(), "");
    }

    /** The fact detail this provenance is recorded as. */
    String encode() {
        return kind + "|" + String.join(",", inputs) + "|" + text;
    }

    static ClientProvenance decode(String detail) {
        String[] parts = detail.split("\\|", 3);
        List<String> inputs = parts[1].isEmpty() ? List.of() : List.of(parts[1].split(","));
        return new ClientProvenance(Kind.valueOf(parts[0]), inputs, parts.length > 2 ? parts[2] : "");
    }
}
