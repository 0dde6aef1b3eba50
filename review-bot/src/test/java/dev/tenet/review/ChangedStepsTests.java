package dev.tenet.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.review.change.FileChange;
import dev.tenet.review.change.LineRanges;
import dev.tenet.rules.Severity;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangedStepsTests {
    static final String SERVICE = "src/main/java/com/acme/orders/OrderService.java";
    static final String PUBLISHER = "src/main/java/com/acme/orders/PaymentPublisher.java";
    static final String HELPER = "src/main/java/com/acme/orders/Envelope.java";
    static final Finding DUAL_WRITE = new Finding("pipeline.outbox-dual-write", Severity.ERROR, SERVICE, 18, 18,
            "This call publishes to Kafka (kafkaTemplate.send() via PaymentPublisher#publish) inside the transaction of "
                    + "@Transactional OrderService#record, which also writes the database (jdbcTemplate.update())",
            "Use an outbox.", "d0d0d0d0d0d0d0d0", 9,
            List.of(new Step(SERVICE, 18, 9, "calls PaymentPublisher#publish"),
                    new Step(PUBLISHER, 13, 9, "publishes to Kafka (kafkaTemplate.send())")),
            List.of(new Step(SERVICE, 17, 9, "writes the database (jdbcTemplate.update())")));

    static ChangeSet changed(String path, int from, int to) {
        LineRanges lines = LineRanges.of(List.of(new LineRanges.Range(from, to)));
        return ChangeSet.of(List.of(new FileChange(path, Optional.empty(), lines, lines)));
    }

    @Test
    void aChangeOnThePrimaryLineKeepsTheFindingAsItIs() {
        ChangeSet changes = changed(SERVICE, 18, 18);

        assertThat(ReviewScope.LINES.keeps(DUAL_WRITE, changes)).isTrue();
        assertThat(ChangedSteps.anchored(DUAL_WRITE, changes)).isEqualTo(DUAL_WRITE);
    }

    @Test
    void aChangeDownThePathKeepsTheFindingAndShowsItAtTheChangedStep() {
        ChangeSet changes = changed(PUBLISHER, 13, 13);

        assertThat(ReviewScope.LINES.keeps(DUAL_WRITE, changes)).isTrue();
        Finding shown = ChangedSteps.anchored(DUAL_WRITE, changes);
        assertThat(shown.position()).isEqualTo(PUBLISHER + ":13:9");
        assertThat(shown.message()).isEqualTo("This changed line publishes to Kafka (kafkaTemplate.send()), step 2 of 2 on the path from "
                + "OrderService.java:18: " + DUAL_WRITE.message());
        assertThat(shown.fingerprint()).isEqualTo(DUAL_WRITE.fingerprint());
        assertThat(shown.path()).isEqualTo(DUAL_WRITE.path());
    }

    @Test
    void aChangeOnARelatedStepKeepsTheFindingAndShowsItThere() {
        ChangeSet changes = changed(SERVICE, 17, 17);

        assertThat(ReviewScope.LINES.keeps(DUAL_WRITE, changes)).isTrue();
        Finding shown = ChangedSteps.anchored(DUAL_WRITE, changes);
        assertThat(shown.position()).isEqualTo(SERVICE + ":17:9");
        assertThat(shown.message()).startsWith("This changed line writes the database (jdbcTemplate.update()), which the finding at "
                + "OrderService.java:18 rests on: This call publishes to Kafka");
    }

    @Test
    void aChangeOffThePathDropsTheFindingFromTheLinesScopeOnly() {
        ChangeSet elsewhere = changed(PUBLISHER, 3, 5);

        assertThat(ReviewScope.LINES.keeps(DUAL_WRITE, elsewhere)).isFalse();
        assertThat(ReviewScope.FILES.keeps(DUAL_WRITE, elsewhere)).as("a step's file changed").isTrue();
        assertThat(ReviewScope.FILES.keeps(DUAL_WRITE, changed(HELPER, 1, 9))).isFalse();
        assertThat(ChangedSteps.anchored(DUAL_WRITE, elsewhere)).isEqualTo(DUAL_WRITE);
    }
}
