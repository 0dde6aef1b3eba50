package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code layers:} in the config, layering rules run only on a layout that follows the
 * package convention unambiguously; otherwise they stay silent and every report format says so once.
 */
class LayerDefaultsTests {
    static final String NOTICE = "Layering rules were not run: layers are not configured";
    static final String SPRING_IN_DOMAIN = """
            package %s;

            import org.springframework.stereotype.Component;

            @Component
            public class Progress {
            }
            """;
    static final String USE_CASE = "package com.acme.learning.application;\npublic class RecordProgress {}\n";

    @TempDir
    Path dir;

    private static Cli.Result check(Path root, String... format) {
        String[] args = format.length == 0
                ? new String[] {"check", root.toString(), "--no-cache", "--color", "never"}
                : new String[] {"check", root.toString(), "--no-cache", "--format", format[0]};
        return Cli.run(args);
    }

    @Test
    void aRecognisedLayoutIsCheckedWithoutANotice() {
        Tree tree = new Tree(dir).java("", SPRING_IN_DOMAIN.formatted("com.acme.learning.domain")).java("", USE_CASE)
                .java("", "package com.acme.learning.adapter.in.web;\npublic class ProgressController {}\n");

        Cli.Result result = check(tree.root());

        assertThat(result.out()).contains("[layering.domain-no-framework]").doesNotContain(NOTICE);
    }

    @Test
    void aJpaEntityInTheDomainIsReportedWhenAnAdapterLayerSitsBesideIt() {
        Tree tree = new Tree(dir).java("", USE_CASE)
                .java("", "package com.acme.learning.adapter.out.persistence;\npublic class ProgressStore {}\n")
                .java("", """
                        package com.acme.learning.domain;

                        import jakarta.persistence.Entity;

                        @Entity
                        public class Progress {
                        }
                        """);

        Cli.Result result = check(tree.root());

        assertThat(result.out()).contains("Progress.java").contains("[layering.domain-no-framework]").doesNotContain(NOTICE);
    }

    @Nested
    class SilentWithANotice {
        private void assertSilent(Tree tree, String reason) {
            Cli.Result result = check(tree.root());
            assertThat(result.out()).doesNotContain("[layering.").contains(NOTICE).contains(reason).contains("Run 'tenet init'");
            assertThat(result.out().split(NOTICE, -1)).as("said once").hasSize(2);
        }

        @Test
        void aDomainPackageInsideTheApplicationLayer() {
            assertSilent(new Tree(dir).java("", SPRING_IN_DOMAIN.formatted("com.acme.learning.application.domain.model"))
                            .java("", USE_CASE),
                    "package com.acme.learning.application.domain.model has a 'domain' package inside the application layer");
        }

        @Test
        void aDomainPackageOfAPersistenceAdapter() {
            assertSilent(new Tree(dir).java("", SPRING_IN_DOMAIN.formatted("com.acme.learning.adapter.out.persistence.domain"))
                            .java("", USE_CASE),
                    "has a 'domain' package inside the adapter layer");
        }

        @Test
        void aDomainPackageHoldingJpaEntities() {
            assertSilent(new Tree(dir).java("", USE_CASE).java("", """
                            package com.acme.learning.domain;

                            import jakarta.persistence.Entity;
                            import jakarta.persistence.Id;

                            @Entity
                            public class ProgressRow {
                                @Id
                                Long id;
                            }
                            """),
                    "domain package com.acme.learning.domain holds persistence entities (@Entity ProgressRow)");
        }

        @Test
        void layersAsBuildModulesSharingOnePackage() {
            assertSilent(new Tree(dir).pom("").pom("order-core").pom("order-persistence").pom("order-service")
                            .java("order-core", SPRING_IN_DOMAIN.formatted("com.acme.order.domain"))
                            .java("order-persistence", "package com.acme.order.domain;\npublic class OrderRow {}\n")
                            .java("order-service", "package com.acme.order.application;\npublic class PlaceOrder {}\n"),
                    "package com.acme.order.domain is split across the build modules order-core, order-persistence");
        }

        @Test
        void aModuleNamedForOneLayerHoldingAnotherLayersPackage() {
            assertSilent(new Tree(dir).pom("").pom("order-adapter").pom("order-app")
                            .java("order-adapter", SPRING_IN_DOMAIN.formatted("com.acme.order.domain"))
                            .java("order-app", "package com.acme.order.application;\npublic class PlaceOrder {}\n"),
                    "build module order-adapter is named for the adapter layer but holds the domain package com.acme.order.domain");
        }

        @Test
        void layersUnderTwoBasePackages() {
            assertSilent(new Tree(dir).java("", SPRING_IN_DOMAIN.formatted("com.acme.billing.domain"))
                            .java("", "package com.acme.shipping.domain;\npublic class Parcel {}\n"),
                    "layer packages sit under more than one base package (com.acme.billing, com.acme.shipping)");
        }
    }

    @Test
    void everyFormatCarriesTheNoticeOnce() throws IOException {
        Tree tree = new Tree(dir).java("", SPRING_IN_DOMAIN.formatted("com.acme.learning.application.domain")).java("", USE_CASE);
        ObjectMapper json = new ObjectMapper();

        JsonNode report = json.readTree(check(tree.root(), "json").out());
        assertThat(report.at("/summary/notices")).hasSize(1);
        assertThat(report.at("/summary/notices/0").asText()).startsWith(NOTICE);

        JsonNode sarif = json.readTree(check(tree.root(), "sarif").out());
        JsonNode notifications = sarif.at("/runs/0/invocations/0/toolExecutionNotifications");
        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).at("/message/text").asText()).startsWith(NOTICE);
        assertThat(notifications.get(0).get("level").asText()).isEqualTo("note");

        String markdown = check(tree.root(), "markdown").out();
        assertThat(markdown).contains("> **Note:** " + NOTICE);
        assertThat(markdown.split(NOTICE, -1)).hasSize(2);
    }

    @Test
    void configuredLayersNeedNoNotice() {
        Tree tree = new Tree(dir).java("", SPRING_IN_DOMAIN.formatted("com.acme.learning.application.domain")).java("", USE_CASE)
                .file(".tenet/config.yml", "layers:\n  domain: [\"com.acme.learning.application.domain..\"]\n"
                        + "  application: [\"com.acme.learning.application..\"]\n");

        Cli.Result result = check(tree.root());

        assertThat(result.out()).contains("[layering.domain-no-framework]").doesNotContain(NOTICE);
    }
}
