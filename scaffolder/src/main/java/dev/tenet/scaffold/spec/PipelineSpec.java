package dev.tenet.scaffold.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parsed, validated pipeline spec: the read-only description every contributor generates from.
 *
 * @param service     kebab-case service name
 * @param basePackage the Java base package
 * @param database    the sink database
 * @param partitions  partitions of every topic (and the replica ceiling)
 * @param aggregate   the per-key state
 * @param consumers   the consumed topics, in order (the order fixes migration versions)
 * @param publishes   the downstream event
 * @param idempotency where processed event ids go
 * @param idempotencyTtl how long Redis remembers an event id (Redis store only)
 * @param retry       back-off before the dead-letter topic
 * @param partner     the optional partner API
 * @param cache       the optional aggregate cache
 * @param relay       how the outbox is published
 */
public record PipelineSpec(String service, String basePackage, Database database, int partitions, AggregateSpec aggregate,
                           List<ConsumerSpec> consumers, PublishedSpec publishes, IdempotencyStore idempotency,
                           java.time.Duration idempotencyTtl, RetrySpec retry, Optional<PartnerSpec> partner,
                           Optional<CacheSpec> cache, Relay relay) {
    public PipelineSpec {
        consumers = List.copyOf(consumers);
    }

    /** The same spec with one more consumer at the end. */
    public PipelineSpec withConsumer(ConsumerSpec consumer) {
        List<ConsumerSpec> all = new ArrayList<>(consumers);
        all.add(consumer);
        return new PipelineSpec(service, basePackage, database, partitions, aggregate, all, publishes, idempotency,
                idempotencyTtl, retry, partner, cache, relay);
    }

    /** The same spec with another outbox relay (used by tests that generate both variants). */
    public PipelineSpec withRelay(Relay other) {
        return new PipelineSpec(service, basePackage, database, partitions, aggregate, consumers, publishes, idempotency,
                idempotencyTtl, retry, partner, cache, other);
    }

    /** The same spec on another database (used by tests that generate both variants). */
    public PipelineSpec withDatabase(Database other) {
        return new PipelineSpec(service, basePackage, other, partitions, aggregate, consumers, publishes, idempotency,
                idempotencyTtl, retry, partner, cache, relay);
    }
}
