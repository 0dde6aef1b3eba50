package dev.tenet.service.queue.kafka;

import static dev.tenet.service.queue.kafka.ScriptedRunner.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tenet.review.github.FakeGitHub;
import dev.tenet.review.github.RateLimitedException;
import dev.tenet.service.queue.JobOutcome;
import dev.tenet.service.queue.JobRunner;
import dev.tenet.service.queue.ReviewJob;
import dev.tenet.service.queue.ReviewMetrics;
import dev.tenet.service.queue.ReviewQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KafkaReviewQueueTests {
    static final AtomicInteger TOPICS = new AtomicInteger();
    static KafkaBroker broker;

    final MeterRegistry metrics = new SimpleMeterRegistry();
    final MovableClock clock = new MovableClock();
    final List<KafkaReviewQueue> queues = new ArrayList<>();
    final Map<String, Integer> consumersByGroup = new HashMap<>();

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void closeQueues() {
        queues.forEach(KafkaReviewQueue::close);
    }

    KafkaQueueProperties settings(int partitions, int concurrency) {
        String topic = "review-jobs-" + TOPICS.incrementAndGet();
        return new KafkaQueueProperties(broker.bootstrapServers(), topic, topic + "-workers", partitions, concurrency, 3,
                Duration.ZERO, Duration.ofSeconds(5));
    }

    KafkaReviewQueue start(KafkaQueueProperties settings, JobRunner runner, MeterRegistry registry) {
        KafkaReviewQueue queue = KafkaReviewQueue.start(settings, runner, registry, clock);
        queues.add(queue);
        int consumers = consumersByGroup.merge(settings.groupId(), settings.concurrency(), Integer::sum);
        broker.awaitGroup(settings.groupId(), consumers, settings.partitions());
        return queue;
    }

    double counted(MeterRegistry registry, JobOutcome outcome) {
        return registry.get(ReviewMetrics.REVIEWS).tag("outcome", ReviewMetrics.tag(outcome)).counter().count();
    }

    /** A pull request number of acme/learning whose jobs land in {@code partition}, other than those in {@code taken}. */
    static int pullRequestIn(int partition, int partitions, int... taken) {
        for (int number = 1; ; number++) {
            int candidate = number;
            if (KafkaBroker.partitionOf(job(number, "x").pullRequestKey(), partitions) == partition
                    && Arrays.stream(taken).noneMatch(t -> t == candidate)) {
                return number;
            }
        }
    }

    @Test
    void jobsOfOnePullRequestRunOneAtATimeInOrderWhileOtherPullRequestsRunInParallel() throws Exception {
        int a = pullRequestIn(0, 2);
        int b = pullRequestIn(1, 2);
        int c = pullRequestIn(1, 2, b);
        CountDownLatch releaseA1 = new CountDownLatch(1);
        ScriptedRunner runner = new ScriptedRunner().on("a1", job -> {
            releaseA1.await();
            return JobOutcome.PUBLISHED;
        });
        KafkaReviewQueue queue = start(settings(2, 2), runner, metrics);

        queue.submit(job(a, "a1"));
        Eventually.until("a1 running", () -> runner.started("a1"));
        queue.submit(job(a, "a2"));
        queue.submit(job(b, "b1"));
        queue.submit(job(c, "c1"));

        Eventually.until("b1 and c1 finished while a1 is still running", () -> runner.finished("b1") == 1 && runner.finished("c1") == 1);
        assertThat(runner.started("a2")).as("a2 waits for a1").isFalse();
        Eventually.until("depth 2: a1 running, a2 waiting", () -> queue.depth() == 2);

        releaseA1.countDown();
        Eventually.until("a2 finished", () -> runner.finished("a2") == 1);
        assertThat(runner.runsOf(a)).containsExactly("a1", "a2");
        assertThat(runner.overlapped()).as("two jobs of one pull request at once").isFalse();
        assertThat(counted(metrics, JobOutcome.PUBLISHED)).isEqualTo(4);
        Eventually.until("depth 0", () -> queue.depth() == 0);
    }

    @Test
    void aNewerHeadSupersedesTheOlderJobsOfItsPullRequestStillWaiting() {
        // The partition waits on a rate-limited job while three heads of another pull request arrive behind it.
        ScriptedRunner runner = new ScriptedRunner().on("x1", rateLimitedOnce(Duration.ofHours(1)));
        KafkaReviewQueue queue = start(settings(1, 1), runner, metrics);

        queue.submit(job(20, "x1"));
        Eventually.until("x1 put back", () -> counted(metrics, JobOutcome.REQUEUED) == 1);
        queue.submit(job(21, "p1"));
        queue.submit(job(21, "p2"));
        queue.submit(job(21, "p3"));
        clock.moveForward(Duration.ofHours(2));

        Eventually.until("p3 finished", () -> runner.finished("p3") == 1);
        assertThat(runner.runsOf(21)).containsExactly("p3");
        assertThat(runner.runsOf(20)).containsExactly("x1", "x1");
        assertThat(counted(metrics, JobOutcome.SUPERSEDED)).isEqualTo(2);
        assertThat(counted(metrics, JobOutcome.PUBLISHED)).isEqualTo(2);
        Eventually.until("depth 0", () -> queue.depth() == 0);
    }

    @Test
    void aRateLimitedJobWaitsForItsRetryTimeWhileTheWorkersOtherPartitionsGoOn() {
        int limited = pullRequestIn(0, 2);
        int other = pullRequestIn(1, 2);
        ScriptedRunner runner = new ScriptedRunner().on("r1", rateLimitedOnce(Duration.ofMinutes(30)));
        // One worker holds both partitions.
        KafkaReviewQueue queue = start(settings(2, 1), runner, metrics);

        queue.submit(job(limited, "r1"));
        Eventually.until("r1 put back", () -> counted(metrics, JobOutcome.REQUEUED) == 1);
        queue.submit(job(other, "o1"));
        Eventually.until("o1 finished", () -> runner.finished("o1") == 1);
        assertThat(runner.runsOf(limited)).as("not run again before its retry time").containsExactly("r1");
        Eventually.until("depth 1: r1 waiting", () -> queue.depth() == 1);

        clock.moveForward(Duration.ofMinutes(31));
        Eventually.until("r1 run again", () -> runner.finished("r1") == 2);
        assertThat(counted(metrics, JobOutcome.PUBLISHED)).isEqualTo(2);
        Eventually.until("depth 0", () -> queue.depth() == 0);
    }

    @Test
    void aJobThatKeepsFailingIsCountedFailedAfterItsAttemptsAndTheJobsBehindItRun() throws Exception {
        ScriptedRunner runner = new ScriptedRunner().on("bad", job -> {
            throw new IllegalStateException("the review crashed");
        });
        KafkaQueueProperties settings = settings(1, 1);
        KafkaReviewQueue queue = start(settings, runner, metrics);

        queue.submit(job(30, "bad"));
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            raw.send(new ProducerRecord<>(settings.topic(), "acme/learning#31", "{\"owner\": \"acme\", \"repo".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        queue.submit(job(32, "good"));

        Eventually.until("good finished", () -> runner.finished("good") == 1);
        assertThat(runner.runsOf(30)).as("max-attempts").containsExactly("bad", "bad", "bad");
        assertThat(counted(metrics, JobOutcome.FAILED)).as("the crashing job and the record that is no job").isEqualTo(2);
        assertThat(counted(metrics, JobOutcome.PUBLISHED)).isEqualTo(1);
        Eventually.until("depth 0", () -> queue.depth() == 0);
    }

    @Test
    void aReplicaStoppedMidJobLeavesItsJobToTheOtherAndGitHubGetsNothingTwice(@TempDir Path dir) throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.repositoryFile(".tenet/config.yml", "rules:\n  layering.domain-no-framework: error\n");
            github.files(List.of(new FakeGitHub.PrFile(PROGRESS, "added", patchAdding(FRAMEWORK_DOMAIN), FRAMEWORK_DOMAIN)));
            JobRunner review = new GitHubReviewRunner(github.url(), dir.resolve("no-checkout"));
            AtomicReference<String> firstReplica = new AtomicReference<>();
            List<String> ranOn = new CopyOnWriteArrayList<>();
            CountDownLatch firstRunPublished = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            KafkaQueueProperties settings = new KafkaQueueProperties(broker.bootstrapServers(), "review-jobs-replicas",
                    "replicas", 1, 1, 3, Duration.ZERO, Duration.ZERO);
            Map<String, MeterRegistry> registries = Map.of("one", new SimpleMeterRegistry(), "two", new SimpleMeterRegistry());
            Map<String, KafkaReviewQueue> replicas = new HashMap<>();
            for (String name : List.of("one", "two")) {
                replicas.put(name, start(settings, job -> {
                    ranOn.add(name);
                    JobOutcome outcome = review.run(job);
                    if (firstReplica.compareAndSet(null, name)) {
                        github.acceptWhatWasPosted();
                        firstRunPublished.countDown();
                        // The replica stops here: everything was posted, the job's offset not committed.
                        never.await();
                    }
                    return outcome;
                }, registries.get(name)));
            }

            replicas.get("one").submit(new ReviewJob(FakeGitHub.OWNER, FakeGitHub.REPO, FakeGitHub.PR, FakeGitHub.HEAD_SHA, 0,
                    "72d3162e-cc78-11e3-81ab-4c9367dc0958", Instant.now()));
            Eventually.until("the first run published", () -> firstRunPublished.getCount() == 0);
            assertThat(github.requests(RequestMethod.POST, FakeGitHub.API + "/pulls/" + FakeGitHub.PR + "/reviews")).hasSize(1);
            String first = firstReplica.get();
            String second = first.equals("one") ? "two" : "one";
            replicas.get(first).close();

            Eventually.until("the job redone by the other replica",
                    () -> counted(registries.get(second), JobOutcome.PUBLISHED) == 1);
            assertThat(ranOn).containsExactly(first, second);
            List<LoggedRequest> reviews = github.requests(RequestMethod.POST, FakeGitHub.API + "/pulls/" + FakeGitHub.PR + "/reviews");
            assertThat(reviews).as("one review with its inline comment, not posted again").hasSize(1);
            assertThat(FakeGitHub.body(reviews.get(0)).path("comments")).hasSize(1);
            assertThat(FakeGitHub.body(reviews.get(0)).path("comments").get(0).path("path").asText()).isEqualTo(PROGRESS);
            assertThat(github.requests(RequestMethod.POST, FakeGitHub.API + "/issues/" + FakeGitHub.PR + "/comments"))
                    .as("one summary comment").hasSize(1);
            assertThat(github.requests(RequestMethod.PATCH, FakeGitHub.API + "/issues/comments/1001"))
                    .as("the redo edits the summary in place").hasSize(1);
            assertThat(counted(registries.get(first), JobOutcome.PUBLISHED)).as("the stopped replica finished nothing").isZero();
            Eventually.until("depth 0", () -> replicas.get(second).depth() == 0);
        }
    }

    @Test
    void theSpringConfigurationBuildsTheQueueFromTheRunnerBeanAndMetersItInTheRegistry() throws Exception {
        ScriptedRunner runner = new ScriptedRunner();
        new ApplicationContextRunner().withUserConfiguration(KafkaQueueConfiguration.class)
                .withBean(JobRunner.class, () -> runner)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("tenet.queue=kafka", "tenet.webhook.enabled=true", "tenet.queue.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "tenet.queue.kafka.topic=review-jobs-configured", "tenet.queue.kafka.partitions=3")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(ReviewQueue.class).submit(job(40, "s1"));
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    Eventually.until("s1 counted", () -> counted(registry, JobOutcome.PUBLISHED) == 1);
                    Eventually.until("depth gauge 0", () -> registry.get(ReviewMetrics.DEPTH).gauge().value() == 0);
                    assertThat(broker.partitionsOf("review-jobs-configured")).isEqualTo(3);
                    Eventually.until("the default group with the 2 default workers", () -> broker.groupMembers("tenet-review-service") == 2);
                });
        assertThat(broker.groupMembers("tenet-review-service")).as("closed with the context").isZero();
    }

    static final String PROGRESS = "src/main/java/com/acme/learning/domain/TrainingProgress.java";
    static final String FRAMEWORK_DOMAIN = """
            package com.acme.learning.domain;

            import org.springframework.stereotype.Component;

            @Component
            public class TrainingProgress {
                private long minutes;
            }
            """;

    static String patchAdding(String content) {
        StringBuilder patch = new StringBuilder("@@ -0,0 +1," + content.lines().count() + " @@");
        content.lines().forEach(line -> patch.append("\n+").append(line));
        return patch.toString();
    }

    JobRunner rateLimitedOnce(Duration wait) {
        AtomicInteger runs = new AtomicInteger();
        return job -> {
            if (runs.incrementAndGet() == 1) {
                throw new RateLimitedException("API rate limit exceeded for installation ID 1", clock.instant().plus(wait));
            }
            return JobOutcome.PUBLISHED;
        };
    }
}
