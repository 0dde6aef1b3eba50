package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/**
 * Test support: the per-run database and its fault switch, the integration-test base, the failure and
 * infrastructure drills, relays in JVMs of their own for the kill drills, the metrics scrape and the local test application.
 */
public final class TestSupportContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render(model.testJava("TestDatabase.java"), "java/test/TestDatabase.java.mustache", v);
        files.render(model.testJava("IntegrationTest.java"), "java/test/IntegrationTest.java.mustache", v);
        files.render(model.testJava("ServersAvailable.java"), "java/test/ServersAvailable.java.mustache", v);
        files.render(model.testJava("DatabaseFaults.java"), "java/test/DatabaseFaults.java.mustache", v);
        files.render(model.testJava("PipelineDrillsTests.java"), "java/test/PipelineDrillsTests.java.mustache", v);
        files.render(model.testJava("ObservabilityTests.java"), "java/test/ObservabilityTests.java.mustache", v);
        files.render(model.testJava("InfrastructureDrillsTests.java"), "java/test/InfrastructureDrillsTests.java.mustache", v);
        files.render(model.testJava("RelayProcess.java"), "java/test/RelayProcess.java.mustache", v);
        if (Boolean.TRUE.equals(v.get("cdcRelay"))) {
            files.render(model.testJava("CdcOutboxRelayTests.java"), "java/test/CdcOutboxRelayTests.java.mustache", v);
            files.render(model.testJava("PublishedTotals.java"), "java/test/PublishedTotals.java.mustache", v);
            files.render(model.testJava("CdcRelayReplica.java"), "java/test/CdcRelayReplica.java.mustache", v);
        } else {
            files.render(model.testJava("OutboxRelayReplicasDrillsTests.java"), "java/test/OutboxRelayReplicasDrillsTests.java.mustache", v);
            files.render(model.testJava("WaitingOutbox.java"), "java/test/WaitingOutbox.java.mustache", v);
            files.render(model.testJava("PollingRelayReplica.java"), "java/test/PollingRelayReplica.java.mustache", v);
        }
        files.render(model.testJava("Test" + v.get("appClass") + ".java"), "java/test/TestApplication.java.mustache", v);
        files.render(model.testJava("StartupConfigurationTests.java"), "java/test/StartupConfigurationTests.java.mustache", v);
        files.render(model.testJava("MetricsTests.java"), "java/test/MetricsTests.java.mustache", v);
    }
}
