package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.checks.pipeline.PublishedTypes.Published;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.model.Step;
import dev.tenet.rules.schema.CompatibilityMode;
import dev.tenet.rules.schema.EventSchema;
import dev.tenet.rules.schema.Incompatibility;
import dev.tenet.rules.schema.ShapeDiff;
import java.util.List;

/** Reports the incompatible changes of {@link EventSchemaEvolutionCheck}, one message shape per kind of change. */
final class SchemaFindings {
    private final HitSink sink;

    SchemaFindings(HitSink sink) {
        this.sink = sink;
    }

    /** A published type against the newest committed version of its schema, reported on the type's declaration. */
    void againstCode(Published published, int typeLine, EventSchema schema, List<Incompatibility> changes) {
        String type = published.type().type().simpleName();
        String file = published.type().file().path();
        String contract = schema.file() + " (v" + schema.version() + ")";
        for (Incompatibility change : changes) {
            int line = change.after() == null ? typeLine : change.after().line();
            int schemaLine = change.before() == null ? schema.propertiesLine() : change.before().line();
            Step code = new Step(file, line, 0, describe(change, type, "v" + schema.version()));
            Step committed = new Step(schema.file(), schemaLine, 0, "the committed contract of " + type);
            sink.hit(List.of(code, committed), List.of(published.where()), message(change, type, contract, schema.version()),
                    fix(change), published.type().type().fqn() + " " + change.kind() + " " + change.field() + " " + schema.subject());
        }
    }

    /**
     * Each committed version against the one before it, reported on the newer schema.
     *
     * @return whether the newest version breaks the one before it
     */
    boolean betweenVersions(List<EventSchema> versions) {
        boolean newestBreaks = false;
        for (int i = 1; i < versions.size(); i++) {
            EventSchema before = versions.get(i - 1);
            EventSchema after = versions.get(i);
            List<Incompatibility> changes = ShapeDiff.between(before.shape(), after.shape());
            newestBreaks = i == versions.size() - 1 && !changes.isEmpty();
            for (Incompatibility change : changes) {
                int line = change.after() == null ? after.propertiesLine() : change.after().line();
                int earlier = change.before() == null ? before.propertiesLine() : change.before().line();
                String subject = "v" + after.version() + " of " + after.subject();
                Step newer = new Step(after.file(), line, 0, describe(change, subject, "v" + before.version()));
                Step older = new Step(before.file(), earlier, 0, "the version before it");
                sink.hit(List.of(newer, older), List.of(), message(change, subject, before.file() + " (v" + before.version() + ")",
                        before.version()), fix(change), after.subject() + " v" + after.version() + " " + change.kind() + " " + change.field());
            }
        }
        return newestBreaks;
    }

    private static String describe(Incompatibility change, String type, String version) {
        return switch (change.kind()) {
            case REMOVED -> type + " drops '" + change.field() + "' of " + version;
            case RENAMED -> type + " renames '" + change.field() + "' of " + version;
            case RETYPED -> type + " changes the type of '" + change.field() + "'";
            case NEW_REQUIRED -> type + " requires '" + change.field() + "'";
            case ENUM_VALUE_REMOVED -> type + " drops values of '" + change.field() + "'";
        };
    }

    private static String message(Incompatibility change, String type, String contract, int version) {
        String field = "'" + change.field() + "'";
        String what = switch (change.kind()) {
            case REMOVED -> type + " no longer has field " + field + ", which " + contract + " declares: consumers still on v" + version
                    + " read it from every new record";
            case RENAMED -> type + " renames field " + field + " to '" + change.after().name() + "' against " + contract
                    + ": to a consumer a rename is a removed field plus a new one, and consumers still on v" + version + " read " + field;
            case RETYPED -> "Field " + field + " of " + type + " changes type (" + change.detail() + ") against " + contract
                    + ": consumers and records on either side of the change no longer read each other";
            case NEW_REQUIRED -> type + " requires field " + field + ", which " + contract + (change.before() == null ? " does not have"
                    : " leaves optional") + ": consumers on the new version reject records written before it (replays, the DLT)";
            case ENUM_VALUE_REMOVED -> "Field " + field + " of " + type + " no longer allows " + change.detail() + ", which " + contract
                    + " allows: records already written with " + (change.detail().contains(",") ? "them" : "it")
                    + " fail on consumers of the new version";
        };
        return what + " — this breaks " + mode(change.mode()) + " compatibility";
    }

    private static String mode(CompatibilityMode mode) {
        return mode == CompatibilityMode.FULL ? "FULL (BACKWARD and FORWARD)" : mode + " (and so FULL)";
    }

    private static String fix(Incompatibility change) {
        String field = "'" + change.field() + "'";
        String newTopic = " If the change must break, publish the new shape to a new topic (e.g. <topic>.v2) with its own schema and run"
                + " both until every consumer has moved.";
        return switch (change.kind()) {
            case REMOVED, RENAMED -> "Keep " + field + " (deprecate it; add the new name as an optional field if it is a rename)." + newTopic;
            case RETYPED -> "Keep " + field + " with its committed type and add a new optional field with the new type." + newTopic;
            case NEW_REQUIRED -> "Make " + field + " optional, with a value consumers assume when it is missing." + newTopic;
            case ENUM_VALUE_REMOVED -> "Keep the value(s) " + change.detail() + " in the enum and stop producing them instead." + newTopic;
        };
    }
}
