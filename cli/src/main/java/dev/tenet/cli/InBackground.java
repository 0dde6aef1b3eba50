package dev.tenet.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A start-up step run on a thread of its own while the caller goes on, so steps that do not need each
 * other overlap instead of queueing on the main thread. {@link #join()} rethrows the step's own exception.
 */
final class InBackground<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private InBackground() {
    }

    private InBackground(String name, Supplier<T> work) {
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    static <T> InBackground<T> start(String name, Supplier<T> work) {
        return new InBackground<>(name, work);
    }

    /** A step already done on the caller's thread. */
    static <T> InBackground<T> done(T value) {
        InBackground<T> step = new InBackground<>();
        step.result.complete(value);
        return step;
    }

    T join() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
