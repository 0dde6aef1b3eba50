package dev.tenet.service.queue.kafka;

import dev.tenet.service.queue.JobOutcome;
import dev.tenet.service.queue.JobRunner;
import dev.tenet.service.queue.ReviewJob;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A runner scripted per head commit (publishing by default) that records every run and whether two runs of one pull request overlapped. */
final class ScriptedRunner implements JobRunner {
    private final Map<String, JobRunner> byHead = new ConcurrentHashMap<>();
    private final List<ReviewJob> started = new CopyOnWriteArrayList<>();
    private final List<ReviewJob> finished = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final AtomicBoolean overlapped = new AtomicBoolean();

    static ReviewJob job(int number, String head) {
        return new ReviewJob("acme", "learning", number, head, 0, "delivery-" + head, Instant.now());
    }

    ScriptedRunner on(String head, JobRunner step) {
        byHead.put(head, step);
        return this;
    }

    @Override
    public JobOutcome run(ReviewJob job) throws Exception {
        AtomicInteger ofPullRequest = running.computeIfAbsent(job.pullRequestKey(), k -> new AtomicInteger());
        if (ofPullRequest.incrementAndGet() > 1) {
            overlapped.set(true);
        }
        started.add(job);
        try {
            return byHead.getOrDefault(job.headSha(), j -> JobOutcome.PUBLISHED).run(job);
        } finally {
            ofPullRequest.decrementAndGet();
            finished.add(job);
        }
    }

    /** The heads of {@code number}'s jobs in the order their runs started (a head twice when it ran twice). */
    List<String> runsOf(int number) {
        return started.stream().filter(j -> j.number() == number).map(ReviewJob::headSha).toList();
    }

    boolean started(String head) {
        return started.stream().anyMatch(j -> j.headSha().equals(head));
    }

    long finished(String head) {
        return finished.stream().filter(j -> j.headSha().equals(head)).count();
    }

    boolean overlapped() {
        return overlapped.get();
    }
}
