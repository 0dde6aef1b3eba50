package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;
import java.util.Map;

/**
 * Everything of one consumer, in new files only: its event, port, use case, listener (registered by
 * annotation), JDBC store and its retention, topics, migration and tests. Adding a consumer therefore edits no file.
 */
public final class ConsumerContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        for (int i = 0; i < model.spec().consumers().size(); i++) {
            contribute(model, files, model.consumerValues(i));
        }
    }

    private static void contribute(ServiceModel model, GeneratedFiles files, Map<String, Object> v) {
        String event = (String) v.get("eventClass");
        files.render(model.mainJava("domain/event/" + event + ".java"), "java/domain/Event.java.mustache", v);
        files.render(model.mainJava("domain/port/" + event + "Store.java"), "java/domain/EventStore.java.mustache", v);
        files.render(model.mainJava("application/Record" + event + ".java"), "java/application/RecordEvent.java.mustache", v);
        files.render(model.mainJava("adapter/in/kafka/" + event + "Listener.java"), "java/adapter/Listener.java.mustache", v);
        files.render(model.mainJava("adapter/out/persistence/Jdbc" + event + "Store.java"), "java/adapter/JdbcEventStore.java.mustache", v);
        files.render(model.mainJava("config/" + event + "Topics.java"), "java/config/EventTopics.java.mustache", v);
        files.render(model.mainJava("adapter/out/persistence/" + event + "Retention.java"), "java/adapter/EventRetention.java.mustache", v);
        files.render("src/main/resources/db/migration/" + v.get("migrationFile"), "resources/V_event.sql.mustache", v);
        files.render(model.testJava(event + "Json.java"), "java/test/EventJson.java.mustache", v);
        files.render(model.testJava(event + "PipelineTests.java"), "java/test/EventPipelineTests.java.mustache", v);
    }
}
