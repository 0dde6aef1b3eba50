package dev.tenet.scaffold.spec;

import java.time.Duration;

/** Exponential back-off for a failing record before it goes to its dead-letter topic. */
public record RetrySpec(int attempts, Duration initialInterval, double multiplier, Duration maxInterval) {
}
