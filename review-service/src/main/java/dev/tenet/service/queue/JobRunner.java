package dev.tenet.service.queue;

/** Runs one review job to its end (read the pull request, review, publish). Called by a queue's worker. */
@FunctionalInterface
public interface JobRunner {
    /**
     * @return what became of the job
     * @throws Exception a failure the queue should treat as "not done": a durable queue redelivers the job
     */
    JobOutcome run(ReviewJob job) throws Exception;
}
