package dev.tenet.rules.schema;

import dev.tenet.rules.schema.Incompatibility.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The incompatible differences from a committed event shape to a new one, judged as a schema registry
 * judges JSON Schemas with an open content model (readers ignore fields they do not know): adding an
 * optional field is compatible; removing a field breaks FORWARD (consumers on the committed version
 * still read it), a new required field and a removed enum value break BACKWARD (old records lack
 * the field or carry the value), and a changed type breaks both (FULL), except a widening from
 * {@code integer} to {@code number} (FORWARD only) or a narrowing from {@code number} to
 * {@code integer} (BACKWARD only).
 */
public final class ShapeDiff {
    private ShapeDiff() {
    }

    public static List<Incompatibility> between(EventShape committed, EventShape next) {
        List<Incompatibility> found = new ArrayList<>();
        List<FieldShape> removed = committed.fields().values().stream().filter(f -> next.field(f.name()).isEmpty()).toList();
        List<FieldShape> added = next.fields().values().stream().filter(f -> committed.field(f.name()).isEmpty()).toList();
        if (removed.size() == 1 && added.size() == 1 && Objects.equals(removed.get(0).type(), added.get(0).type())) {
            FieldShape before = removed.get(0);
            FieldShape after = added.get(0);
            found.add(new Incompatibility(Kind.RENAMED, before.name(), before, after, before.name() + " -> " + after.name(),
                    after.required() ? CompatibilityMode.FULL : CompatibilityMode.FORWARD));
            return found;
        }
        for (FieldShape before : removed) {
            found.add(new Incompatibility(Kind.REMOVED, before.name(), before, null, "", CompatibilityMode.FORWARD));
        }
        for (FieldShape after : added) {
            if (after.required()) {
                found.add(new Incompatibility(Kind.NEW_REQUIRED, after.name(), null, after, "", CompatibilityMode.BACKWARD));
            }
        }
        for (FieldShape before : committed.fields().values()) {
            next.field(before.name()).ifPresent(after -> changed(before, after, found));
        }
        return found;
    }

    private static void changed(FieldShape before, FieldShape after, List<Incompatibility> found) {
        if (before.type() != null && after.type() != null && !before.type().equals(after.type())) {
            found.add(new Incompatibility(Kind.RETYPED, before.name(), before, after, before.type() + " -> " + after.type(),
                    retypeMode(before.type(), after.type())));
            return;
        }
        if (after.required() && !before.required()) {
            found.add(new Incompatibility(Kind.NEW_REQUIRED, before.name(), before, after, "optional -> required",
                    CompatibilityMode.BACKWARD));
        }
        if (before.enumValues() != null && after.enumValues() != null) {
            List<String> gone = before.enumValues().stream().filter(v -> !after.enumValues().contains(v)).toList();
            if (!gone.isEmpty()) {
                found.add(new Incompatibility(Kind.ENUM_VALUE_REMOVED, before.name(), before, after, String.join(", ", gone),
                        CompatibilityMode.BACKWARD));
            }
        }
    }

    private static CompatibilityMode retypeMode(String before, String after) {
        if (before.equals("integer") && after.equals("number")) {
            return CompatibilityMode.FORWARD;
        }
        if (before.equals("number") && after.equals("integer")) {
            return CompatibilityMode.BACKWARD;
        }
        return CompatibilityMode.FULL;
    }
}
