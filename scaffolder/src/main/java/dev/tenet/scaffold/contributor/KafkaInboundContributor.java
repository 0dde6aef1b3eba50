package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/**
 * The shared inbound Kafka adapter pieces: decoding records into events, the poison-record exception,
 * telling transient infrastructure failures from the record's own (with their metric and log), each record's span
 * and logging context, the dead-letter sender and the dead-letter and duplicate counters.
 */
public final class KafkaInboundContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render(model.mainJava("adapter/in/kafka/EventDecoder.java"), "java/adapter/EventDecoder.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/IsoInstants.java"), "java/adapter/IsoInstants.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/IsoInstantModule.java"), "java/adapter/IsoInstantModule.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/InvalidEventException.java"), "java/adapter/InvalidEventException.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/FailureClassifier.java"), "java/adapter/FailureClassifier.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/TransientFailureReporter.java"), "java/adapter/TransientFailureReporter.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/DeadLetterReporter.java"), "java/adapter/DeadLetterReporter.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/DuplicateReporter.java"), "java/adapter/DuplicateReporter.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/ConsumerTracing.java"), "java/adapter/ConsumerTracing.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/ConsumedBatch.java"), "java/adapter/ConsumedBatch.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/ConsumedRecordContext.java"), "java/adapter/ConsumedRecordContext.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/DeadLetterSender.java"), "java/adapter/DeadLetterSender.java.mustache", v);
        files.render(model.testJava("adapter/in/kafka/EventDecoderTests.java"), "java/test/EventDecoderTests.java.mustache", v);
        files.render(model.testJava("adapter/in/kafka/IsoInstantsTests.java"), "java/test/IsoInstantsTests.java.mustache", v);
        files.render(model.testJava("adapter/in/kafka/IsoInstantModuleTests.java"), "java/test/IsoInstantModuleTests.java.mustache", v);
        files.render(model.testJava("adapter/in/kafka/FailureClassifierTests.java"), "java/test/FailureClassifierTests.java.mustache", v);
        files.render(model.testJava("adapter/in/kafka/ConsumedRecordContextTests.java"), "java/test/ConsumedRecordContextTests.java.mustache", v);
    }
}
