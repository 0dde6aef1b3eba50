package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.checks.pipeline.KafkaSends.Send;
import dev.tenet.rules.checks.pipeline.PublishedTypes.Published;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.ScanSink;
import dev.tenet.rules.engine.SourceTree;
import dev.tenet.rules.schema.EventSchema;
import dev.tenet.rules.schema.Incompatibility;
import dev.tenet.rules.schema.ShapeDiff;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A published event that no longer matches its committed JSON Schema in a way its consumers cannot
 * absorb. Published types are found from what the code sends ({@link PublishedTypes}); a committed
 * schema ({@code schemas/<subject>/v<N>.json}) belongs to a type when its {@code javaType} names it.
 * The type is compared with the newest version of each of its schemas, and every version with the one
 * before it; a change is reported on the declaration it is about (or the schema line, when a schema
 * version breaks the one before it, in which case the code is not judged against that version too),
 * naming the field and the compatibility mode it breaks. No
 * committed schema: silent. A published type no schema names: silent, said once.
 */
public final class EventSchemaEvolutionCheck implements Check {
    public static final String ID = "event-schema-evolution";

    @Override
    public String id() {
        return ID;
    }

    /** Without a committed schema there is nothing to compare with: no type's shape is recorded. */
    @Override
    public boolean appliesTo(SourceTree tree) {
        return !tree.schemaFiles().isEmpty();
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        boolean sends = file.mentions("send") || file.mentions("ProducerRecord");
        for (Send send : sends ? KafkaSends.in(file, EffectModel.builtIn()) : List.<Send>of()) {
            String payload = SentPayloads.ref(file, send.payload());
            if (!payload.isEmpty()) {
                sink.fact(PublishedTypes.SENT, payload, send.api(), send.node());
            }
        }
        EventFields.record(file, sink);
    }

    @Override
    public void finish(Project project, HitSink sink) {
        if (project.schemas().isEmpty()) {
            return;
        }
        Map<String, List<EventSchema>> versions = new LinkedHashMap<>();
        project.schemas().stream().sorted(Comparator.comparing(EventSchema::folder).thenComparingInt(EventSchema::version))
                .forEach(schema -> versions.computeIfAbsent(schema.folder(), f -> new ArrayList<>()).add(schema));
        SchemaFindings report = new SchemaFindings(sink);
        // A newest version that breaks the one before it is reported as such; the code is not judged against it as well.
        Set<String> brokenNewest = new HashSet<>();
        versions.forEach((folder, list) -> {
            if (report.betweenVersions(list)) {
                brokenNewest.add(folder);
            }
        });

        CodeShapes shapes = new CodeShapes(project, ID);
        Set<String> judged = new HashSet<>();
        Map<String, String> unmatched = new TreeMap<>();
        for (Published published : PublishedTypes.in(project, ID)) {
            String fqn = published.type().type().fqn();
            List<EventSchema> newest = versions.values().stream().map(v -> v.get(v.size() - 1))
                    .filter(schema -> schema.javaType().equals(fqn)).toList();
            List<EventSchema> judgeable = newest.stream().filter(schema -> !brokenNewest.contains(schema.folder())).toList();
            if (newest.isEmpty()) {
                unmatched.putIfAbsent(fqn, published.type().type().simpleName() + " (" + published.where().position() + ")");
                continue;
            }
            if (!judged.add(fqn)) {
                continue;
            }
            for (EventSchema schema : judgeable) {
                List<Incompatibility> changes = ShapeDiff.between(schema.shape(), shapes.of(published.type()));
                report.againstCode(published, shapes.line(published.type()), schema, changes);
            }
        }
        judged.forEach(unmatched::remove);
        if (!unmatched.isEmpty()) {
            sink.notice("pipeline.event-schema-evolution: no committed schema names " + String.join(", ", unmatched.values())
                    + " in its javaType, so changes to " + (unmatched.size() == 1 ? "it" : "them") + " are not checked against a contract.");
        }
    }
}
