package dev.tenet.cli.hook;

/** A hook event that is not the JSON an assistant documents: named in the hook log, never shown to the agent. */
final class MalformedEventException extends RuntimeException {
    MalformedEventException(String message) {
        super(message);
    }
}
