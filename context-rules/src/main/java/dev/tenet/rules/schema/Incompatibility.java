package dev.tenet.rules.schema;

/**
 * One backward- or forward-incompatible difference between a committed event shape and its next one.
 *
 * @param kind   what changed
 * @param field  the field it is about (the old name for a rename)
 * @param before the field in the committed shape ({@code null} for a new field)
 * @param after  the field in the new shape ({@code null} for a removed field)
 * @param detail what makes it incompatible, e.g. {@code string -> integer} or the removed enum values
 * @param mode   the compatibility mode it breaks
 */
public record Incompatibility(Kind kind, String field, FieldShape before, FieldShape after, String detail, CompatibilityMode mode) {

    /** The kinds of incompatible change. */
    public enum Kind {
        REMOVED, RENAMED, RETYPED, NEW_REQUIRED, ENUM_VALUE_REMOVED
    }
}
