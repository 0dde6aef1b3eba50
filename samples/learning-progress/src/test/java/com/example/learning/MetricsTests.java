package com.example.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.learning.adapter.out.outbox.OutboxMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The service's own metrics as Prometheus scrapes them from {@code /actuator/prometheus}: duplicates, dead letters,
 * the outbox backlog and its oldest row's age, and every {@code pipeline_} metric the alert rules and the dashboard use.
 */
class MetricsTests extends IntegrationTest {
    private static final String TOPIC = "learning.lecture-watched";
    private static final String PUBLISHED = "learning.progress-updated";
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PIPELINE_METRIC = Pattern.compile("\\bpipeline_[a-z_]+");

    @Autowired
    WebApplicationContext web;
    @Autowired
    OutboxMetrics outboxMetrics;
    @Autowired
    DatabaseFaults database;

    @Test
    void aDuplicateIsCountedAsSkippedAndAPoisonRecordAsDeadLetteredWithItsCause() throws Exception {
        Scrape before = scrape();
        String key = newKey();
        String id = newEventId();
        send(TOPIC, key, LectureWatchedJson.of(id, key, 4));
        send(TOPIC, key, LectureWatchedJson.of(id, key, 4));
        send(TOPIC, key, "{ this is not json");
        send(TOPIC, key, LectureWatchedJson.of(newEventId(), key, 1));
        eventually("the events around the duplicate and the poison record applied", () -> total(key) == 5);

        Scrape after = scrape();
        assertThat(after.sum("pipeline_duplicates_skipped_total", Map.of("topic", TOPIC))
                - before.sum("pipeline_duplicates_skipped_total", Map.of("topic", TOPIC))).isEqualTo(1);
        Map<String, String> deadLetter = Map.of("topic", TOPIC, "cause", "InvalidEventException", "service", "learning-progress");
        assertThat(after.sum("pipeline_dead_letters_total", deadLetter) - before.sum("pipeline_dead_letters_total", deadLetter)).isEqualTo(1);
    }

    @Test
    void theOutboxBacklogAndTheAgeOfItsOldestRowAreGaugesThatEmptyWhenTheRelayDrains() throws Exception {
        relay.drain();
        String key = newKey();
        for (int i = 0; i < 5; i++) {
            send(TOPIC, key, LectureWatchedJson.of(newEventId(), key, 1));
        }
        eventually("5 messages in the outbox", () -> WaitingOutbox.count(jdbc, PUBLISHED, List.of(key)) == 5);
        outboxMetrics.refresh();
        double firstAge = scrape().sum("pipeline_outbox_oldest_age_seconds", Map.of("topic", PUBLISHED));
        Thread.sleep(1100);
        outboxMetrics.refresh();

        Scrape waiting = scrape();
        assertThat(waiting.sum("pipeline_outbox_backlog", Map.of("topic", PUBLISHED))).isEqualTo(5);
        assertThat(waiting.sum("pipeline_outbox_oldest_age_seconds", Map.of("topic", PUBLISHED)))
                .isGreaterThanOrEqualTo(firstAge + 1).isLessThan(DEADLINE.toSeconds());

        relay.drain();
        outboxMetrics.refresh();
        Scrape drained = scrape();
        assertThat(drained.sum("pipeline_outbox_backlog", Map.of("topic", PUBLISHED))).isZero();
        assertThat(drained.sum("pipeline_outbox_oldest_age_seconds", Map.of("topic", PUBLISHED))).isZero();
        assertThat(drained.has("pipeline_outbox_backlog", Map.of("topic", PUBLISHED))).isTrue();
    }

    @Test
    void everyPipelineMetricTheAlertRulesAndTheDashboardUseIsExposed() throws Exception {
        String key = newKey();
        String id = newEventId();
        send(TOPIC, key, LectureWatchedJson.of(id, key, 2));
        send(TOPIC, key, LectureWatchedJson.of(id, key, 2));
        send(TOPIC, key, "{ not json either");
        eventually("the first event applied", () -> total(key) == 2);
        double transientBefore = scrape().sum("pipeline_transient_failures_total", Map.of("topic", TOPIC));
        database.outage();
        try {
            send(TOPIC, key, LectureWatchedJson.of(newEventId(), key, 3));
            eventually("a transient failure counted", () -> scrapeQuietly().sum("pipeline_transient_failures_total", Map.of("topic", TOPIC)) > transientBefore);
        } finally {
            database.heal();
        }
        eventually("the event sent during the outage applied", () -> total(key) == 5);
        outboxMetrics.refresh();

        Set<String> used = new TreeSet<>();
        used.addAll(pipelineMetrics(Path.of("ops/prometheus/alerts.yaml")));
        used.addAll(pipelineMetrics(Path.of("ops/grafana/dashboard.json")));
        Scrape scrape = scrape();
        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(scrape.names()).as("series scraped").contains(name));
    }

    private static Set<String> pipelineMetrics(Path file) throws IOException {
        Matcher names = PIPELINE_METRIC.matcher(Files.readString(file));
        Set<String> found = new TreeSet<>();
        while (names.find()) {
            found.add(names.group());
        }
        return found;
    }

    private Scrape scrape() throws Exception {
        String body = MockMvcBuilders.webAppContextSetup(web).build()
                .perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Scrape.parse(body);
    }

    private Scrape scrapeQuietly() {
        try {
            return scrape();
        } catch (Exception e) {
            throw new AssertionError("scraping /actuator/prometheus failed", e);
        }
    }

    /** The samples of one scrape in Prometheus' text format. */
    private record Scrape(Map<String, Map<Map<String, String>, Double>> samples) {
        static Scrape parse(String text) {
            Map<String, Map<Map<String, String>, Double>> samples = new HashMap<>();
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (line.startsWith("#") || !sample.matches()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.computeIfAbsent(sample.group(1), n -> new HashMap<>()).put(labels, Double.parseDouble(sample.group(3)));
            }
            return new Scrape(samples);
        }

        Set<String> names() {
            return samples.keySet();
        }

        boolean has(String name, Map<String, String> labels) {
            return matching(name, labels).findAny().isPresent();
        }

        /** The sum of the series of that name carrying those labels; 0 when there is none (a counter not incremented yet). */
        double sum(String name, Map<String, String> labels) {
            return matching(name, labels).mapToDouble(Map.Entry::getValue).sum();
        }

        private Stream<Map.Entry<Map<String, String>, Double>> matching(String name, Map<String, String> labels) {
            return samples.getOrDefault(name, Map.of()).entrySet().stream()
                    .filter(series -> series.getKey().entrySet().containsAll(labels.entrySet()));
        }
    }
}
