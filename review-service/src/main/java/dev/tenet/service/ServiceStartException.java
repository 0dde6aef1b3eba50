package dev.tenet.service;

/** {@code tenet serve} could not start for a reason the user can fix (a port in use, a missing setting); the message is one line. */
public final class ServiceStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceStartException(String message) {
        super(message);
    }
}
