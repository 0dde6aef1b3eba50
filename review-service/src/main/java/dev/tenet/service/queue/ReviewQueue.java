package dev.tenet.service.queue;

/**
 * Where accepted review jobs wait for a worker. Jobs of one pull request ({@link ReviewJob#pullRequestKey()}) run one at a
 * time and in order; a job whose pull request already has a newer head commit queued is superseded, not run.
 * Implementations: in-process and bounded (the default), or a Kafka topic keyed by pull request ({@code tenet.queue=kafka}).
 */
public interface ReviewQueue extends AutoCloseable {
    /**
     * Accepts a job. Returns at once; the job runs later on a worker through the {@link JobRunner} the queue was built with.
     *
     * @throws QueueFullException when a bounded queue has no room (the webhook answers 503 so GitHub can redeliver)
     */
    void submit(ReviewJob job);

    /** Jobs accepted and not finished yet (queued or running), for the queue-depth gauge. */
    int depth();

    @Override
    void close();
}
