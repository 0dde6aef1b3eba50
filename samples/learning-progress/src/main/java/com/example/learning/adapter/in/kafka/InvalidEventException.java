package com.example.learning.adapter.in.kafka;

/** A record that can never be processed (bad JSON, a missing field, a wrong key): it goes to the dead-letter topic at once. */
public class InvalidEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
