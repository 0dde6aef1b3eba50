package dev.tenet.rules.model;

/** One import declaration as written: {@code name} is the imported name without {@code .*}. */
public record ImportRef(String name, boolean isStatic, boolean asterisk, int line) {
    public ImportRef {
        name = Names.of(name);
    }
}
