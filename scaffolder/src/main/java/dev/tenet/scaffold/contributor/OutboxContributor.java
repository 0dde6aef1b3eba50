package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/** The transactional outbox: the writer adapter, the shards, the records' headers, the backlog gauges and the messages' traces; with the polling relay one row per transaction and shard, the leases, the relay and its schedule (which backs off through an outage); with {@code relay: debezium} the CDC relay. */
public final class OutboxContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render(model.mainJava("adapter/out/outbox/Jdbc" + v.get("publishedClass") + "Outbox.java"), "java/adapter/JdbcOutbox.java.mustache", v);
        files.render(model.mainJava("adapter/out/outbox/OutboxShards.java"), "java/adapter/OutboxShards.java.mustache", v);
        files.render(model.mainJava("adapter/out/outbox/OutboxHeaders.java"), "java/adapter/OutboxHeaders.java.mustache", v);
        if (Boolean.TRUE.equals(v.get("cdcRelay"))) {
            files.render(model.mainJava("adapter/out/outbox/CdcOutboxRelay.java"), "java/adapter/CdcOutboxRelay.java.mustache", v);
            files.render(model.mainJava("adapter/out/outbox/CdcRelaySettings.java"), "java/adapter/CdcRelaySettings.java.mustache", v);
        } else {
            files.render(model.mainJava("adapter/out/outbox/OutboxMessage.java"), "java/adapter/OutboxMessage.java.mustache", v);
            files.render(model.mainJava("adapter/out/outbox/OutboxBatches.java"), "java/adapter/OutboxBatches.java.mustache", v);
            files.render(model.mainJava("adapter/out/outbox/OutboxLeases.java"), "java/adapter/OutboxLeases.java.mustache", v);
            files.render(model.mainJava("adapter/out/outbox/OutboxRelay.java"), "java/adapter/OutboxRelay.java.mustache", v);
            files.render(model.mainJava("adapter/out/outbox/OutboxRelayException.java"), "java/adapter/OutboxRelayException.java.mustache", v);
            files.render(model.mainJava("adapter/out/outbox/OutboxRelayScheduler.java"), "java/adapter/OutboxRelayScheduler.java.mustache", v);
            files.render(model.mainJava("adapter/out/outbox/OutboxRelayOutage.java"), "java/adapter/OutboxRelayOutage.java.mustache", v);
            files.render(model.testJava("adapter/out/outbox/OutboxRelaySchedulerTests.java"), "java/test/OutboxRelaySchedulerTests.java.mustache", v);
        }
        files.render(model.mainJava("adapter/out/outbox/OutboxMetrics.java"), "java/adapter/OutboxMetrics.java.mustache", v);
        files.render(model.mainJava("adapter/out/outbox/OutboxTraces.java"), "java/adapter/OutboxTraces.java.mustache", v);
    }
}
