package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/** The domain shared by all consumers: the aggregate, contributions, the published event and the ports. */
public final class DomainContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render(model.mainJava("domain/" + v.get("aggregateClass") + ".java"), "java/domain/Aggregate.java.mustache", v);
        files.render(model.mainJava("domain/Contribution.java"), "java/domain/Contribution.java.mustache", v);
        files.render(model.mainJava("domain/" + v.get("publishedClass") + ".java"), "java/domain/Published.java.mustache", v);
        files.render(model.mainJava("domain/RunningTotals.java"), "java/domain/RunningTotals.java.mustache", v);
        files.render(model.mainJava("domain/port/" + v.get("aggregateClass") + "Store.java"), "java/domain/AggregateStore.java.mustache", v);
        files.render(model.mainJava("domain/port/" + v.get("publishedClass") + "Outbox.java"), "java/domain/Outbox.java.mustache", v);
        files.render(model.testJava("domain/RunningTotalsTests.java"), "java/test/RunningTotalsTests.java.mustache", v);
    }
}
