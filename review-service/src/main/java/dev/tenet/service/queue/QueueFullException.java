package dev.tenet.service.queue;

/** A bounded queue had no room for another job. */
public final class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
