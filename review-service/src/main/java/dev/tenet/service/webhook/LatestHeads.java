package dev.tenet.service.webhook;

import dev.tenet.service.queue.ReviewJob;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The head commit of each pull request's latest accepted delivery: a job for an older head is superseded (not run, or not
 * published). Bounded: the pull requests least recently heard of are forgotten first.
 */
public final class LatestHeads {
    private final Map<String, String> heads;

    public LatestHeads(int capacity) {
        heads = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void accepted(ReviewJob job) {
        heads.put(job.pullRequestKey(), job.headSha());
    }

    /** False when a delivery for another head of the same pull request was accepted after this job's. */
    public synchronized boolean isLatest(ReviewJob job) {
        String latest = heads.get(job.pullRequestKey());
        return latest == null || latest.equals(job.headSha());
    }
}
