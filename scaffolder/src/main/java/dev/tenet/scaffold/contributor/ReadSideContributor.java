package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/** The read side: a query use case and an HTTP endpoint returning a response record, never the domain type. */
public final class ReadSideContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        String aggregate = (String) v.get("aggregateClass");
        files.render(model.mainJava("application/Get" + aggregate + ".java"), "java/application/GetAggregate.java.mustache", v);
        files.render(model.mainJava("adapter/in/http/" + aggregate + "Controller.java"), "java/adapter/Controller.java.mustache", v);
        files.render(model.mainJava("adapter/in/http/" + aggregate + "Response.java"), "java/adapter/Response.java.mustache", v);
    }
}
