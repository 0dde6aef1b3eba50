package dev.tenet.service.queue.kafka;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds, failing after a generous deadline (never a timing assertion: only a guard against hanging). */
final class Eventually {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Eventually() {
    }

    static void until(String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("still waiting for " + what + " after " + TIMEOUT.toSeconds() + " s", last);
    }
}
