package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;
import dev.tenet.scaffold.spec.IdempotencyStore;

/** The idempotency store: the processed-events table, or Redis keys with a TTL. */
public final class IdempotencyContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        if (model.spec().idempotency() == IdempotencyStore.DATABASE) {
            files.render(model.mainJava("adapter/out/persistence/JdbcProcessedEvents.java"),
                    "java/adapter/JdbcProcessedEvents.java.mustache", model.values());
            files.render(model.mainJava("adapter/out/persistence/ProcessedEventsRetention.java"),
                    "java/adapter/ProcessedEventsRetention.java.mustache", model.values());
        } else {
            files.render(model.mainJava("adapter/out/redis/RedisProcessedEvents.java"),
                    "java/adapter/RedisProcessedEvents.java.mustache", model.values());
        }
    }
}
