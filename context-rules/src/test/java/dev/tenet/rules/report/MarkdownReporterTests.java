package dev.tenet.rules.report;

import static dev.tenet.rules.report.SampleReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.Severity;
import dev.tenet.rules.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReporterTests {

    @Test
    void writesATitleTheCountsByRuleAndSeverityThenTheFindingsOfEachFile() {
        String markdown = new MarkdownReporter().render(SampleReports.several());

        assertThat(markdown).isEqualTo("""
                ## Tenet report for `learning-service`

                4 findings (2 errors, 1 warning, 1 info) in 4 of 40 files; 5 baselined

                | Rule | Severity | Findings |
                | --- | --- | ---: |
                | `layering.domain-no-framework` Domain code depends on no framework and on no outer layer | error | 1 |
                | `tenet.parse-error` A Java file that does not parse cannot be checked | error | 1 |
                | `layering.domain-no-framework` Domain code depends on no framework and on no outer layer | warning | 1 |
                | `team.no-legacy-client` | info | 1 |

                ### `src/main/java/com/acme/learning/adapter/kafka/ProgressPublisher.java`

                - `src/main/java/com/acme/learning/adapter/kafka/ProgressPublisher.java:40` **error** The file does not parse as Java, so no rule could check it: Parse error. Found "}" (`tenet.parse-error`)
                  - Fix: Fix the syntax error; the rest of the run went on without this file.

                ### `src/main/java/com/acme/learning/adapter/partner/PartnerGateway.java`

                - `src/main/java/com/acme/learning/adapter/partner/PartnerGateway.java:7` **info** PartnerGateway still calls the legacy partner client. (`team.no-legacy-client`)

                ### `src/main/java/com/acme/learning/domain/TrainingProgress.java`

                - `src/main/java/com/acme/learning/domain/TrainingProgress.java:3:1` **error** The domain imports jakarta.persistence.Entity, so the business rules depend on JPA. (`layering.domain-no-framework`)
                  - Fix: Map the domain type to a JPA entity in an adapter.

                ### `src/main/java/com/acme/learning/domain/UserId.java`

                - `src/main/java/com/acme/learning/domain/UserId.java:12` **warning** The domain imports org.springframework.util.Assert, so the business rules depend on Spring. (`layering.domain-no-framework`)
                  - Fix: Use Objects.requireNonNull instead.
                """);
    }

    @Test
    void listsThePathAndRelatedStepsOfAFindingFoundAlongCalls() {
        String markdown = new MarkdownReporter().render(report(List.of(SampleReports.DUAL_WRITE), 2, 0));

        assertThat(markdown).endsWith("""
                - `src/main/java/com/acme/orders/OrderService.java:18:9` **error** This call publishes to Kafka (kafkaTemplate.send() via PaymentPublisher#publish) inside the transaction of `@Transactional` OrderService#record, which also writes the database (jdbcTemplate.update()): a dual write (`pipeline.outbox-dual-write`)
                  - Fix: Write the event to an outbox table in the same transaction.
                  - Path:
                    1. `src/main/java/com/acme/orders/OrderService.java:18:9` calls PaymentPublisher#publish
                    2. `src/main/java/com/acme/orders/PaymentPublisher.java:13:9` publishes to Kafka (kafkaTemplate.send())
                  - Related:
                    1. `src/main/java/com/acme/orders/OrderService.java:17:9` writes the database (jdbcTemplate.update())
                """);
    }

    @Test
    void givesTheAllClearInOneSentenceWhenThereAreNoFindings() {
        assertThat(new MarkdownReporter().render(SampleReports.empty())).isEqualTo("""
                ## Tenet report for `learning-service`

                All clear: no findings in 40 files.
                """);
        assertThat(new MarkdownReporter().render(report(List.of(), 40, 2)))
                .endsWith("All clear: no new findings in 40 files; 2 baselined.\n");
    }

    @Test
    void keepsMessagesFromPingingPeopleOrTurningIntoHtml() {
        Finding finding = new Finding("layering.domain-no-framework", Severity.ERROR, "src/main/java/a/Order_Service.java", 5, 5,
                "@Transactional on place() wraps List<Order> in *one* transaction; `MAX_RETRIES` is ignored | see docs",
                "Move @Async to the adapter, mail ops@acme.com.", "ab");

        String markdown = new MarkdownReporter().render(report(List.of(finding), 1, 0));

        assertThat(markdown)
                .contains("**error** `@Transactional` on place() wraps List&lt;Order&gt; in \\*one\\* transaction; "
                        + "`MAX_RETRIES` is ignored \\| see docs (`layering.domain-no-framework`)")
                .contains("  - Fix: Move `@Async` to the adapter, mail ops@acme.com.")
                .contains("### `src/main/java/a/Order_Service.java`");
    }

    @Test
    void putsCodeSpansAroundBackticksSafely() {
        assertThat(MarkdownText.code("plain")).isEqualTo("`plain`");
        assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownText.code("`edge")).isEqualTo("`` `edge ``");
        assertThat(MarkdownText.inline("odd ` backtick")).isEqualTo("odd \\` backtick");
    }
}
