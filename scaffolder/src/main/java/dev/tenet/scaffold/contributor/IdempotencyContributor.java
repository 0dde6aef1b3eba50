package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;
import dev.tenet.scaffold.spec.IdempotencyStore;

/**
 * The idempotency store: with the database, the insert that makes each consumer's events table its dedup record
 * (used by every consumer's store, {@link ConsumerContributor}); with Redis, keys with a TTL and their port.
 */
public final class IdempotencyContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        if (model.spec().idempotency() == IdempotencyStore.DATABASE) {
            files.render(model.mainJava("adapter/out/persistence/IdempotentInsert.java"), "java/adapter/IdempotentInsert.java.mustache", model.values());
            files.render(model.testJava("adapter/out/persistence/IdempotentInsertTests.java"), "java/test/IdempotentInsertTests.java.mustache",
                    model.values());
        } else {
            files.render(model.mainJava("domain/port/ProcessedEvents.java"), "java/domain/ProcessedEvents.java.mustache", model.values());
            files.render(model.mainJava("adapter/out/redis/RedisProcessedEvents.java"),
                    "java/adapter/RedisProcessedEvents.java.mustache", model.values());
        }
    }
}
