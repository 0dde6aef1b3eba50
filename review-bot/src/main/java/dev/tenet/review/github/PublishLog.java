package dev.tenet.review.github;

import java.util.ArrayList;
import java.util.List;

/** What a publish run posted and what it could not, in order, for the user and for the summary comment. */
public final class PublishLog {
    /** One step: done or failed, with what it was about. */
    public record Step(boolean done, String what) {
    }

    private final List<Step> steps = new ArrayList<>();

    void done(String what) {
        steps.add(new Step(true, what));
    }

    void failed(String what, Exception cause) {
        steps.add(new Step(false, what + " (" + reason(cause) + ")"));
    }

    public boolean anyFailed() {
        return steps.stream().anyMatch(s -> !s.done());
    }

    public List<String> failures() {
        return steps.stream().filter(s -> !s.done()).map(Step::what).toList();
    }

    /** One line per step: {@code posted: ...} or {@code NOT posted: ...}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            text.append(step.done() ? "  posted: " : "  NOT posted: ").append(step.what()).append('\n');
        }
        return text.toString();
    }

    public static String reason(Exception cause) {
        if (cause instanceof org.kohsuke.github.HttpException http && http.getResponseCode() > 0) {
            return "HTTP " + http.getResponseCode();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
