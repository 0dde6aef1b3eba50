package dev.tenet.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.tenet.review.github.FakeGitHub;
import dev.tenet.service.queue.kafka.KafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook with {@code tenet.queue=kafka}: a signed delivery goes through a real Kafka broker and its review is published once. */
class WebhookOverKafkaTests {
    static KafkaBroker broker;

    @TempDir
    Path workspace;
    @TempDir
    Path ratingsFolder;
    FakeGitHub github;
    RunningService service;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void start() throws Exception {
        github = WebhookServiceTests.pullRequestAddingAFrameworkDomainClass();
        github.acceptWhatWasPosted();
        service = new RunningService(github, workspace, ratingsFolder, Map.of("tenet.queue", "kafka",
                "tenet.queue.kafka.bootstrap-servers", broker.bootstrapServers(), "tenet.queue.kafka.topic", "webhook-review-jobs",
                "tenet.queue.kafka.partitions", 2));
    }

    @AfterEach
    void stop() {
        service.close();
        github.close();
    }

    @Test
    void aSignedPullRequestOpenedIsReviewedThroughTheKafkaTopicAndADuplicateDeliveryIsNotReviewedAgain() throws Exception {
        HttpResponse<String> first = service.webhooks.post("pull_request", "f7a2c1e0-0001", Webhooks.example("pull_request.opened", FakeGitHub.HEAD_SHA));
        HttpResponse<String> again = service.webhooks.post("pull_request", "f7a2c1e0-0001", Webhooks.example("pull_request.opened", FakeGitHub.HEAD_SHA));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        RunningService.await("the review is published", () -> service.metric("tenet_reviews_total{outcome=\"published\"}") == 1.0);
        assertThat(github.requests(RequestMethod.POST, FakeGitHub.API + "/pulls/7/reviews")).hasSize(1);
        assertThat(FakeGitHub.body(github.requests(RequestMethod.POST, FakeGitHub.API + "/pulls/7/reviews").get(0)).path("comments").get(0)
                .path("body").asText()).contains("layering.domain-no-framework");
        assertThat(github.requests(RequestMethod.POST, FakeGitHub.API + "/issues/7/comments")).as("one summary").hasSize(1);
        assertThat(service.metric("tenet_review_latency_seconds_count{outcome=\"published\"}")).isEqualTo(1.0);
        assertThat(service.metric("tenet_findings_total{rule=\"layering.domain-no-framework\"}")).isEqualTo(1.0);
    }
}
