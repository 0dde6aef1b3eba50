package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/** The Spring Boot main class, application.yml, the pipeline's configuration classes and its start-up failure messages. */
public final class ApplicationContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render(model.mainJava(v.get("appClass") + ".java"), "java/Application.java.mustache", v);
        files.render("src/main/resources/application.yml", "resources/application.yml.mustache", v);
        files.render(model.mainJava("config/PipelineProperties.java"), "java/config/PipelineProperties.java.mustache", v);
        files.render(model.mainJava("config/DatabaseSettings.java"), "java/config/DatabaseSettings.java.mustache", v);
        files.render(model.mainJava("config/UnreachableDatabaseFailureAnalyzer.java"), "java/config/UnreachableDatabaseFailureAnalyzer.java.mustache", v);
        files.render("src/main/resources/META-INF/spring.factories", "resources/spring.factories.mustache", v);
        files.render(model.mainJava("config/KafkaConfig.java"), "java/config/KafkaConfig.java.mustache", v);
    }
}
