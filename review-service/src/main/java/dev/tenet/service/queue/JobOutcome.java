package dev.tenet.service.queue;

/** What became of a review job; counted in the service's metrics by name. */
public enum JobOutcome {
    /** Reviewed and published. */
    PUBLISHED,
    /** A newer head commit of the same pull request was queued: this one was dropped unrun, or its review was not published. */
    SUPERSEDED,
    /** Nothing to do (a draft, a closed pull request, no Java files). */
    SKIPPED,
    /** GitHub's rate limit was hit; the job was put back to run after the reset time. */
    REQUEUED,
    /** The review or the publishing failed for good. */
    FAILED
}
