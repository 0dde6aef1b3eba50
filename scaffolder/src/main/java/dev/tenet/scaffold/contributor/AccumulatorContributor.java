package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/** The application service every consumer's use case calls, and its persistence adapter. */
public final class AccumulatorContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        String aggregate = (String) v.get("aggregateClass");
        files.render(model.mainJava("application/" + aggregate + "Accumulator.java"), "java/application/Accumulator.java.mustache", v);
        files.render(model.mainJava("adapter/out/persistence/Jdbc" + aggregate + "Store.java"),
                "java/adapter/JdbcAggregateStore.java.mustache", v);
        files.render(model.mainJava("adapter/out/persistence/DatabaseProduct.java"), "java/adapter/DatabaseProduct.java.mustache", v);
        files.render(model.testJava("adapter/out/persistence/Jdbc" + aggregate + "StoreTests.java"),
                "java/test/JdbcAggregateStoreTests.java.mustache", v);
    }
}
