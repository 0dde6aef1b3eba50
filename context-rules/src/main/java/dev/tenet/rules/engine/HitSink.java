package dev.tenet.rules.engine;

import dev.tenet.rules.model.Hit;
import dev.tenet.rules.model.Step;
import java.util.List;

/** Where phase-two checks report: at one place, or along a path of calls that starts where the problem shows. */
public final class HitSink {
    private final String checkId;
    private final List<Hit> hits;
    private final List<String> notices;

    /**
     * @param checkId the check that reports
     * @param hits    where its hits go
     */
    public HitSink(String checkId, List<Hit> hits) {
        this(checkId, hits, new java.util.ArrayList<>());
    }

    /**
     * @param checkId the check that reports
     * @param hits    where its hits go
     * @param notices where it says what it could not judge and why
     */
    public HitSink(String checkId, List<Hit> hits, List<String> notices) {
        this.checkId = checkId;
        this.hits = hits;
        this.notices = notices;
    }

    /** Tells the user once what the check could not judge and why (shown with the report, not as a finding). */
    public void notice(String text) {
        if (!notices.contains(text)) {
            notices.add(text);
        }
    }

    /**
     * Reports a finding at one place.
     *
     * @param file      path relative to the root, as in the file's model
     * @param startLine first line
     * @param endLine   last line
     * @param message   what is wrong and why
     * @param fixHint   how to fix it
     * @param anchor    stable text identifying the place without line numbers
     */
    public void hit(String file, int startLine, int endLine, String message, String fixHint, String anchor) {
        hits.add(new Hit(checkId, file, startLine, endLine, message, fixHint, anchor));
    }

    /**
     * Reports a finding at one line and column (a call, an expression).
     *
     * @param file    path relative to the root, as in the file's model
     * @param line    the line
     * @param column  the column where it starts (1-based; 0 when not known)
     * @param message what is wrong and why
     * @param fixHint how to fix it
     * @param anchor  stable text identifying the place without line numbers
     */
    public void hitAt(String file, int line, int column, String message, String fixHint, String anchor) {
        hits.add(new Hit(checkId, file, line, line, message, fixHint, anchor, column, List.of(), List.of()));
    }

    /**
     * Reports a finding found along calls, at the first step of {@code path}. A path of one step with
     * nothing related is a finding at one place and keeps no steps.
     *
     * @param path    the steps from where the problem shows down to the effect (at least one)
     * @param related other steps the finding rests on (may be empty)
     * @param message what is wrong and why
     * @param fixHint how to fix it
     * @param anchor  stable text identifying the finding without line numbers, columns or intermediate calls
     */
    public void hit(List<Step> path, List<Step> related, String message, String fixHint, String anchor) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least one step (" + checkId + ")");
        }
        Step first = path.get(0);
        boolean onePlace = path.size() == 1 && related.isEmpty();
        hits.add(new Hit(checkId, first.file(), first.line(), first.line(), message, fixHint, anchor, first.column(),
                onePlace ? List.of() : path, related));
    }
}
