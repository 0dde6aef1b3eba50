package com.example.learning.adapter.in.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Reads a record's JSON value into its event and checks that the record key is the event's key. */
@Component
public class EventDecoder {
    private final JsonMapper json;
    /** One reader per event type: it keeps the type's deserializer, which the mapper would look up for every record. */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    public EventDecoder(JsonMapper json) {
        this.json = json;
    }

    /**
     * Decodes one record.
     *
     * @param record the record as consumed
     * @param type   the event type
     * @param key    the event's key field
     * @param <T>    the event type
     * @return the event
     * @throws InvalidEventException when the value is not a valid event or the record key is not its key
     */
    public <T> T decode(ConsumerRecord<String, String> record, Class<T> type, Function<T, String> key) {
        if (record.value() == null) {
            throw new InvalidEventException("record " + where(record) + " has no value");
        }
        T event;
        try {
            event = readers.computeIfAbsent(type, json::readerFor).readValue(record.value());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("record " + where(record) + " is not a valid " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
        if (!Objects.equals(record.key(), key.apply(event))) {
            throw new InvalidEventException("record " + where(record) + " has key '" + record.key() + "' but its event's key is '"
                    + key.apply(event) + "': per-key order needs the record key to be the event's key");
        }
        return event;
    }

    /** The {@code eventId} field of a record's value, when it has one: names a record in logs even if it does not decode. */
    public Optional<String> eventIdOf(ConsumerRecord<?, ?> record) {
        if (!(record.value() instanceof String value)) {
            return Optional.empty();
        }
        try {
            JsonNode eventId = json.readTree(value).get("eventId");
            return eventId != null && eventId.isString() ? Optional.of(eventId.asString()) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
