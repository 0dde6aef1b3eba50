package dev.tenet.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ServiceGenerator;
import dev.tenet.scaffold.spec.PipelineSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The deployment settings a production review asks for, read from the generated manifests and configuration as YAML. */
class ProductionSettingsTests {

    private static List<Map<String, Object>> documents(GeneratedFiles files, String path) {
        String text = new String(files.files().get(path), StandardCharsets.UTF_8);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) document;
            documents.add(map);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(step)) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    private static GeneratedFiles generate(PipelineSpec spec) {
        return new ServiceGenerator().generate(spec);
    }

    @Test
    void listenerThreadsTimesReplicasIsThePartitionCount() throws Exception {
        for (PipelineSpec spec : List.of(SampleRegenerationTests.sampleSpec(), Specs.fullFeatured())) {
            GeneratedFiles files = generate(spec);
            int maxReplicas = at(documents(files, "k8s/keda-scaledobject.yaml").get(0), "spec", "maxReplicaCount");
            String concurrency = at(documents(files, "src/main/resources/application.yml").get(0), "spring", "kafka", "listener", "concurrency");
            int threads = Integer.parseInt(concurrency.replaceAll(".*:(\\d+)}", "$1"));

            assertThat(maxReplicas * threads).as(spec.service()).isEqualTo(spec.partitions());
        }
    }

    @Test
    void kedaReadsTheServicesBrokerAddressWithItsOwnCredentials() throws Exception {
        List<Map<String, Object>> keda = documents(generate(SampleRegenerationTests.sampleSpec()), "k8s/keda-scaledobject.yaml");

        List<Map<String, Object>> triggers = at(keda.get(0), "spec", "triggers");
        assertThat(triggers).hasSize(3).allSatisfy(trigger -> {
            assertThat((String) at(trigger, "metadata", "bootstrapServersFromEnv")).isEqualTo("KAFKA_BOOTSTRAP_SERVERS");
            assertThat((Object) at(trigger, "metadata", "bootstrapServers")).isNull();
            assertThat((String) at(trigger, "authenticationRef", "name")).isEqualTo("learning-progress-kafka");
        });
        assertThat(keda.get(1)).containsEntry("kind", "TriggerAuthentication");
        assertThat((String) at(keda.get(1), "metadata", "name")).isEqualTo("learning-progress-kafka");
    }

    @Test
    void thePodRunsAsNonRootOnAReadOnlyFilesystemWithAStartupProbeAndADisruptionBudget() throws Exception {
        GeneratedFiles files = generate(SampleRegenerationTests.sampleSpec());
        Map<String, Object> pod = at(documents(files, "k8s/deployment.yaml").get(0), "spec", "template", "spec");
        Map<String, Object> container = at(pod, "containers", "0");

        assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).isTrue();
        assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem")).isTrue();
        assertThat((Boolean) at(container, "securityContext", "allowPrivilegeEscalation")).isFalse();
        assertThat((String) at(container, "volumeMounts", "0", "mountPath")).isEqualTo("/tmp");
        assertThat((Integer) at(container, "startupProbe", "failureThreshold")).isGreaterThanOrEqualTo(30);
        assertThat((String) at(container, "livenessProbe", "httpGet", "port")).isEqualTo("management");
        Map<String, Object> budget = documents(files, "k8s/pod-disruption-budget.yaml").get(0);
        assertThat(budget).containsEntry("kind", "PodDisruptionBudget");
        assertThat((Integer) at(budget, "spec", "maxUnavailable")).isEqualTo(1);
    }

    @Test
    void theDatabaseAccountHasNoDefaultOutsideTheLocalProfileAndActuatorHasItsOwnPort() throws Exception {
        List<Map<String, Object>> yml = documents(generate(SampleRegenerationTests.sampleSpec()), "src/main/resources/application.yml");

        assertThat((String) at(yml.get(0), "spring", "datasource", "url")).isEqualTo("${DB_URL}");
        assertThat((String) at(yml.get(0), "spring", "datasource", "username")).isEqualTo("${DB_USER}");
        assertThat((String) at(yml.get(0), "spring", "datasource", "password")).isEqualTo("${DB_PASSWORD}");
        assertThat((String) at(yml.get(1), "spring", "datasource", "username")).isEqualTo("${DB_USER:root}");
        assertThat((String) at(yml.get(0), "management", "server", "port")).isEqualTo("${MANAGEMENT_PORT:8081}");
        assertThat((Object) at(yml.get(2), "spring")).as("the prod profile overrides no offset reset").isInstanceOf(Map.class);
        assertThat((Object) at(yml.get(2), "spring", "kafka")).isNull();
    }
}
