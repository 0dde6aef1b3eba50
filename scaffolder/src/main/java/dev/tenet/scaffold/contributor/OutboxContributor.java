package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/** The transactional outbox: the writer adapter, the shards and their leases, the relay, its schedule (or, with {@code relay: debezium}, the CDC relay) and the backlog gauges. */
public final class OutboxContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render(model.mainJava("adapter/out/outbox/Jdbc" + v.get("publishedClass") + "Outbox.java"), "java/adapter/JdbcOutbox.java.mustache", v);
        files.render(model.mainJava("adapter/out/outbox/OutboxShards.java"), "java/adapter/OutboxShards.java.mustache", v);
        files.render(model.mainJava("adapter/out/outbox/OutboxLeases.java"), "java/adapter/OutboxLeases.java.mustache", v);
        files.render(model.mainJava("adapter/out/outbox/OutboxRelay.java"), "java/adapter/OutboxRelay.java.mustache", v);
        files.render(model.mainJava("adapter/out/outbox/OutboxRelayException.java"), "java/adapter/OutboxRelayException.java.mustache", v);
        if (Boolean.TRUE.equals(v.get("cdcRelay"))) {
            files.render(model.mainJava("adapter/out/outbox/CdcOutboxRelay.java"), "java/adapter/CdcOutboxRelay.java.mustache", v);
            files.render(model.mainJava("adapter/out/outbox/CdcRelaySettings.java"), "java/adapter/CdcRelaySettings.java.mustache", v);
        } else {
            files.render(model.mainJava("adapter/out/outbox/OutboxRelayScheduler.java"), "java/adapter/OutboxRelayScheduler.java.mustache", v);
        }
        files.render(model.mainJava("adapter/out/outbox/OutboxMetrics.java"), "java/adapter/OutboxMetrics.java.mustache", v);
    }
}
