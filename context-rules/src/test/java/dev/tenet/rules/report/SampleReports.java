package dev.tenet.rules.report;

import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import java.util.List;

/** Findings and reports the reporter tests share. */
final class SampleReports {
    static final String DOMAIN_RULE = "layering.domain-no-framework";
    static final String PARSE_RULE = "tenet.parse-error";
    static final String TEAM_RULE = "team.no-legacy-client";
    static final RuleCatalog CATALOG = RuleCatalog.builtin();

    static final Finding ENTITY_IMPORT = new Finding(DOMAIN_RULE, Severity.ERROR,
            "src/main/java/com/acme/learning/domain/TrainingProgress.java", 3, 3,
            "The domain imports jakarta.persistence.Entity, so the business rules depend on JPA.",
            "Map the domain type to a JPA entity in an adapter.", "a1b2c3d4e5f60718", 1, List.of(), List.of());
    static final Finding ASSERT_IMPORT = new Finding(DOMAIN_RULE, Severity.WARNING,
            "src/main/java/com/acme/learning/domain/UserId.java", 12, 14,
            "The domain imports org.springframework.util.Assert, so the business rules depend on Spring.",
            "Use Objects.requireNonNull instead.", "0f1e2d3c4b5a6978");
    static final Finding BROKEN_FILE = new Finding(PARSE_RULE, Severity.ERROR,
            "src/main/java/com/acme/learning/adapter/kafka/ProgressPublisher.java", 40, 40,
            "The file does not parse as Java, so no rule could check it: Parse error. Found \"}\"",
            "Fix the syntax error; the rest of the run went on without this file.", "99aa88bb77cc66dd");
    static final Finding LEGACY_CLIENT = new Finding(TEAM_RULE, Severity.INFO,
            "src/main/java/com/acme/learning/adapter/partner/PartnerGateway.java", 7, 7,
            "PartnerGateway still calls the legacy partner client.", "", "5566778899aabbcc");

    static final String DUAL_WRITE_RULE = "pipeline.outbox-dual-write";
    static final String SERVICE = "src/main/java/com/acme/orders/OrderService.java";
    static final String PUBLISHER = "src/main/java/com/acme/orders/PaymentPublisher.java";
    /** A finding found along calls: at the call in the transactional method, with the path to the send and the write as related. */
    static final Finding DUAL_WRITE = new Finding(DUAL_WRITE_RULE, Severity.ERROR, SERVICE, 18, 18,
            "This call publishes to Kafka (kafkaTemplate.send() via PaymentPublisher#publish) inside the transaction of "
                    + "@Transactional OrderService#record, which also writes the database (jdbcTemplate.update()): a dual write",
            "Write the event to an outbox table in the same transaction.", "d0d0d0d0d0d0d0d0", 9,
            List.of(new Step(SERVICE, 18, 9, "calls PaymentPublisher#publish"),
                    new Step(PUBLISHER, 13, 9, "publishes to Kafka (kafkaTemplate.send())")),
            List.of(new Step(SERVICE, 17, 9, "writes the database (jdbcTemplate.update())")));

    private SampleReports() {
    }

    static Report report(List<Finding> findings, int filesChecked, int baselined) {
        return new Report(findings, CATALOG, "learning-service", filesChecked, baselined, "9.9.9");
    }

    /** Four findings in four files, of three rules (one unknown to the catalog) and all three severities. */
    static Report several() {
        return report(List.of(LEGACY_CLIENT, ENTITY_IMPORT, BROKEN_FILE, ASSERT_IMPORT), 40, 5);
    }

    static Report empty() {
        return report(List.of(), 40, 0);
    }
}
