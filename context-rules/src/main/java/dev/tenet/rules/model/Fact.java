package dev.tenet.rules.model;

/**
 * Something a check noticed in one file that only means something once the whole codebase is known
 * (collected in phase one, judged in phase two).
 *
 * @param checkId  the check that recorded it
 * @param kind     the check's own name for the fact
 * @param subject  what it is about (a type name, a bean type, a topic, ...)
 * @param detail   extra source text
 * @param owner    the enclosing {@code Type#method} (or type) it was found in, for anchoring
 * @param line     where
 */
public record Fact(String checkId, String kind, String subject, String detail, String owner, int line) {
    public Fact {
        checkId = Names.of(checkId);
        kind = Names.of(kind);
        subject = Names.of(subject);
        owner = Names.of(owner);
    }
}
