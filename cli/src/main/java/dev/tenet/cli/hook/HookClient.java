package dev.tenet.cli.hook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code tenet hook} does with an event: hands it to the background hook server when one is running;
 * otherwise starts one for the next events and answers this one itself. Either way within a time budget,
 * after which the event is logged and answered with silence, so the agent never waits on Tenet for long.
 */
public final class HookClient {
    private final Path cacheDirectory;
    private final boolean useServer;
    private final Duration timeout;

    /**
     * @param cacheDirectory the user's Tenet cache directory
     * @param useServer      false to always answer in this process and never start a server
     * @param timeout        the time budget of one event
     */
    public HookClient(Path cacheDirectory, boolean useServer, Duration timeout) {
        this.cacheDirectory = cacheDirectory;
        this.useServer = useServer;
        this.timeout = timeout;
    }

    /** The answer to one event; never throws. */
    public HookAnswer respond(HookRequest request) {
        HookDaemon daemon = new HookDaemon(cacheDirectory);
        if (useServer && daemon.usable()) {
            try {
                Optional<HookAnswer> answer = daemon.exchange(request, timeout);
                if (answer.isPresent()) {
                    return answer.get();
                }
            } catch (HookDaemon.TimedOut e) {
                new HookLog(cacheDirectory).append("timeout (" + request.client() + "): " + e.getMessage());
                return HookAnswer.silent();
            }
            try {
                daemon.startUnlessRecentlyTried();
            } catch (IOException | RuntimeException e) {
                new HookLog(cacheDirectory).append("could not start the hook server: " + e);
            }
        }
        return inThisProcess(request);
    }

    private HookAnswer inThisProcess(HookRequest request) {
        ExecutorService worker = Executors.newSingleThreadExecutor(HookDaemon.daemonThreads());
        HookHandler handler = new HookHandler(cacheDirectory, Runtime.getRuntime().availableProcessors());
        try {
            Future<HookAnswer> answer = worker.submit(() -> handler.handle(request));
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            handler.logProblem("timeout (" + request.client() + "): the check took longer than " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            handler.logProblem("internal error (" + request.client() + "): " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            worker.shutdownNow();
        }
        return HookAnswer.silent();
    }
}
