package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;
import java.util.HashMap;
import java.util.Map;

/**
 * Operations: Dockerfile, compose.yaml, Kubernetes with KEDA, Prometheus alerts with their unit tests and
 * runbook, a Grafana dashboard, the GitHub Actions workflow and, with the CDC relay, its Kafka Connect and
 * Debezium Server configurations.
 */
public final class OpsContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        var v = model.values();
        files.render("Dockerfile", "ops/Dockerfile.mustache", v);
        files.render("compose.yaml", "ops/compose.yaml.mustache", v);
        files.render("k8s/deployment.yaml", "ops/deployment.yaml.mustache", v);
        files.render("k8s/service.yaml", "ops/service.yaml.mustache", v);
        files.render("k8s/keda-scaledobject.yaml", "ops/keda-scaledobject.yaml.mustache", v);
        files.render("k8s/pod-disruption-budget.yaml", "ops/pod-disruption-budget.yaml.mustache", v);
        files.render("ops/prometheus/alerts.yaml", "ops/alerts.yaml.mustache", v);
        files.render("ops/prometheus/alerts.test.yaml", "ops/alerts.test.yaml.mustache", v);
        files.render("ops/grafana/dashboard.json", "ops/grafana-dashboard.json.mustache", v);
        files.render("RUNBOOK.md", "ops/RUNBOOK.md.mustache", v);
        files.render(".github/workflows/ci.yml", "ops/ci.yml.mustache", v);
        if (Boolean.TRUE.equals(v.get("cdcRelay"))) {
            files.render("ops/cdc/README.md", "ops/cdc-README.md.mustache", v);
            files.render("ops/cdc/connector.json", "ops/cdc-connector.json.mustache", v);
            files.render("ops/cdc/debezium-server.properties", "ops/cdc-debezium-server.properties.mustache", v);
            if (Boolean.TRUE.equals(v.get("mysql"))) {
                // The files above name the MySQL connector (MySQL 8, Aurora MySQL 3); these, MariaDB's.
                Map<String, Object> mariaDb = new HashMap<>(v);
                mariaDb.put("mariaDbConnector", true);
                files.render("ops/cdc/connector-mariadb.json", "ops/cdc-connector.json.mustache", mariaDb);
                files.render("ops/cdc/debezium-server-mariadb.properties", "ops/cdc-debezium-server.properties.mustache", mariaDb);
            }
        }
    }
}
