package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;

/** The baseline Flyway migration (idempotency, aggregate, outbox) for the chosen database. */
public final class MigrationContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        files.render("src/main/resources/db/migration/V1__baseline.sql", "resources/V1__baseline.sql.mustache", model.values());
    }
}
