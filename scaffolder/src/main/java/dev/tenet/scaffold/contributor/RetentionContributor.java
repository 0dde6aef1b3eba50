package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/**
 * Retention: the settings, the batched purge of any retained table and its schedule, and the test that proves old
 * rows go and recent ones stay. Each retained table declares itself (the processed events, every consumer's events).
 */
public final class RetentionContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render(model.mainJava("config/RetentionProperties.java"), "java/config/RetentionProperties.java.mustache", v);
        files.render(model.mainJava("adapter/out/persistence/RetainedTable.java"), "java/adapter/RetainedTable.java.mustache", v);
        files.render(model.mainJava("adapter/out/persistence/StoredEventsRetention.java"), "java/adapter/StoredEventsRetention.java.mustache", v);
        files.render(model.mainJava("adapter/out/persistence/RetentionPurge.java"), "java/adapter/RetentionPurge.java.mustache", v);
        files.render(model.mainJava("adapter/out/persistence/RetentionPurgeScheduler.java"),
                "java/adapter/RetentionPurgeScheduler.java.mustache", v);
        files.render(model.testJava("RetentionPurgeTests.java"), "java/test/RetentionPurgeTests.java.mustache", v);
    }
}
