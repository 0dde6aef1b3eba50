package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/** The operator's dead-letter replay: the Kafka side, its actuator endpoint and its end-to-end test. */
public final class DeadLetterReplayContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render(model.mainJava("adapter/in/kafka/DeadLetterReplay.java"), "java/adapter/DeadLetterReplay.java.mustache", v);
        files.render(model.mainJava("adapter/in/admin/DeadLetterReplayEndpoint.java"), "java/adapter/DeadLetterReplayEndpoint.java.mustache", v);
        files.render(model.testJava("DeadLetterReplayTests.java"), "java/test/DeadLetterReplayTests.java.mustache", v);
    }
}
