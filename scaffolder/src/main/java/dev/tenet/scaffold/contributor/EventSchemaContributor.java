package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.EventSchemaDocument;
import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;
import dev.tenet.scaffold.spec.ConsumerSpec;
import dev.tenet.scaffold.spec.FieldSpec;
import dev.tenet.scaffold.spec.FieldType;
import dev.tenet.scaffold.spec.PipelineSpec;

/**
 * The event contracts: a JSON Schema for every event the service consumes and the one it publishes,
 * at {@code src/main/resources/schemas/<topic>/v1.json}. The published one is what
 * {@code tenet check} holds the published type to.
 */
public final class EventSchemaContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        PipelineSpec spec = model.spec();
        for (ConsumerSpec consumer : spec.consumers()) {
            EventSchemaDocument schema = new EventSchemaDocument(consumer.event(), "A " + consumer.event() + " event, consumed from "
                    + consumer.topic() + " and keyed by " + spec.aggregate().key() + ".", spec.basePackage() + ".domain.event." + consumer.event());
            for (FieldSpec field : consumer.fields()) {
                schema.property(field.name(), field.type(), describe(consumer, spec.aggregate().key(), field));
            }
            files.text(EventSchemaDocument.path(consumer.topic(), EventSchemaDocument.FIRST_VERSION), schema.toJson());
        }
        String key = spec.aggregate().key();
        EventSchemaDocument published = new EventSchemaDocument(spec.publishes().event(), "Published to " + spec.publishes().topic()
                + " after a " + spec.aggregate().name() + " changed, keyed by " + key + ".",
                spec.basePackage() + ".domain." + spec.publishes().event())
                .property("eventId", FieldType.STRING, "stable id of this change; consumers deduplicate on it")
                .property(key, FieldType.STRING, "the key (and the Kafka record key)")
                .property(spec.aggregate().total(), FieldType.LONG, "the total after the change")
                .property("sourceEventId", FieldType.STRING, "the consumed event that caused it")
                .property("sourceTopic", FieldType.STRING, "the topic that event came from");
        files.text(EventSchemaDocument.path(spec.publishes().topic(), EventSchemaDocument.FIRST_VERSION), published.toJson());
    }

    private static String describe(ConsumerSpec consumer, String key, FieldSpec field) {
        if (field.name().equals(consumer.id())) {
            return "the event's id (deduplicated on)";
        }
        if (field.name().equals(key)) {
            return "the key (also the record key)";
        }
        return field.name().equals(consumer.amount()) ? "added to the total" : field.type().key();
    }
}
