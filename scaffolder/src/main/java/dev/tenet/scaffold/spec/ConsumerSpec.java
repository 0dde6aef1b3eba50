package dev.tenet.scaffold.spec;

import java.util.List;

/**
 * One consumed topic and the event on it.
 *
 * @param topic           the input topic
 * @param event           the event's class name (PascalCase)
 * @param key             the field that is the record key (the aggregate's key: one user's events stay in order)
 * @param id              the field that identifies the event (the dedup key)
 * @param amount          the field added to the aggregate's total
 * @param fields          the event's fields in declaration order
 */
public record ConsumerSpec(String topic, String event, String key, String id, String amount, List<FieldSpec> fields) {
    public ConsumerSpec {
        fields = List.copyOf(fields);
    }

    /** Where poison records go: Spring Kafka's convention, the topic with {@code .DLT} appended, same partition. */
    public String deadLetterTopic() {
        return topic + ".DLT";
    }
}
