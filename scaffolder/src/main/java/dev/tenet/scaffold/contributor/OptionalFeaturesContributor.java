package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;
import dev.tenet.scaffold.spec.CacheSpec;

/** The optional features, each a condition on the spec: the Redis aggregate cache, its local tier with invalidation, and the partner client. */
public final class OptionalFeaturesContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        String aggregate = (String) v.get("aggregateClass");
        if (model.spec().cache().isPresent()) {
            files.render(model.mainJava("domain/port/" + aggregate + "Cache.java"), "java/domain/AggregateCache.java.mustache", v);
            files.render(model.mainJava("adapter/out/redis/Redis" + aggregate + "Cache.java"), "java/adapter/RedisAggregateCache.java.mustache", v);
            files.render(model.testJava(aggregate + "CacheTests.java"), "java/test/CacheTests.java.mustache", v);
        }
        if (model.spec().cache().filter(CacheSpec::tiered).isPresent()) {
            files.render(model.mainJava("domain/port/" + aggregate + "LocalTier.java"), "java/domain/AggregateLocalTier.java.mustache", v);
            files.render(model.mainJava("domain/port/" + aggregate + "CacheInvalidations.java"), "java/domain/CacheInvalidations.java.mustache", v);
            files.render(model.mainJava("adapter/out/outbox/Jdbc" + aggregate + "CacheInvalidations.java"),
                    "java/adapter/JdbcCacheInvalidations.java.mustache", v);
            files.render(model.mainJava("adapter/out/cache/Tiered" + aggregate + "Cache.java"), "java/adapter/TieredAggregateCache.java.mustache", v);
            files.render(model.mainJava("adapter/in/kafka/" + aggregate + "CacheInvalidationListener.java"),
                    "java/adapter/CacheInvalidationListener.java.mustache", v);
            files.render(model.mainJava("config/" + aggregate + "CacheTopics.java"), "java/config/CacheTopics.java.mustache", v);
            files.render(model.testJava(aggregate + "TieredCacheTests.java"), "java/test/TieredCacheTests.java.mustache", v);
        }
        if (model.spec().partner().isPresent()) {
            String partner = (String) v.get("partnerClass");
            files.render(model.mainJava("domain/" + partner + "Profile.java"), "java/domain/PartnerProfile.java.mustache", v);
            files.render(model.mainJava("domain/port/" + partner + "Directory.java"), "java/domain/PartnerDirectory.java.mustache", v);
            files.render(model.mainJava("adapter/out/partner/" + partner + "Client.java"), "java/adapter/PartnerClient.java.mustache", v);
            files.render(model.mainJava("config/" + partner + "ClientConfig.java"), "java/config/PartnerClientConfig.java.mustache", v);
            files.render(model.testJava("adapter/out/partner/" + partner + "ClientTests.java"), "java/test/PartnerClientTests.java.mustache", v);
        }
    }
}
