package dev.tenet.scaffold.contributor;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectContributor;
import dev.tenet.scaffold.generate.ServiceModel;
import dev.tenet.scaffold.spec.ConsumerSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Operations: Dockerfile, compose.yaml, Kubernetes with KEDA, Prometheus alerts and the GitHub Actions workflow. */
public final class OpsContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, GeneratedFiles files) {
        Map<String, Object> v = new LinkedHashMap<>(model.values());
        // A PromQL regex inside a double-quoted PromQL string: dots escaped as \\.
        v.put("dltRegex", model.spec().consumers().stream().map(ConsumerSpec::deadLetterTopic)
                .map(topic -> topic.replace(".", "\\\\.")).collect(Collectors.joining("|")));
        files.render("Dockerfile", "ops/Dockerfile.mustache", v);
        files.render("compose.yaml", "ops/compose.yaml.mustache", v);
        files.render("k8s/deployment.yaml", "ops/deployment.yaml.mustache", v);
        files.render("k8s/service.yaml", "ops/service.yaml.mustache", v);
        files.render("k8s/keda-scaledobject.yaml", "ops/keda-scaledobject.yaml.mustache", v);
        files.render("k8s/pod-disruption-budget.yaml", "ops/pod-disruption-budget.yaml.mustache", v);
        files.render("ops/prometheus/alerts.yaml", "ops/alerts.yaml.mustache", v);
        files.render(".github/workflows/ci.yml", "ops/ci.yml.mustache", v);
    }
}
