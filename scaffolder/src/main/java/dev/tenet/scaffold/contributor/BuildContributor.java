package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/** The Maven build: pom.xml, the Maven wrapper and .gitignore. */
public final class BuildContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        files.render("pom.xml", "build/pom.xml.mustache", model.values());
        files.copy("mvnw", "build/mvnw.static", true);
        files.copy(".mvn/wrapper/maven-wrapper.properties", "build/maven-wrapper.properties.static", false);
        files.copy(".gitignore", "build/gitignore.static", false);
    }
}
