package dev.tenet.scaffold.spec;

/** The event published downstream through the outbox, keyed by the aggregate's key. */
public record PublishedSpec(String topic, String event) {
}
