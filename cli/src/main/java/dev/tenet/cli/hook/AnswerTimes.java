package dev.tenet.cli.hook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** How long the hook server took to answer its recent events, for {@code tenet hook --status}. */
final class AnswerTimes {
    private static final int KEPT = 100;
    private final Deque<Long> millis = new ArrayDeque<>();

    synchronized void add(long answerMillis) {
        millis.addLast(answerMillis);
        if (millis.size() > KEPT) {
            millis.removeFirst();
        }
    }

    /** {@code " (last N: median X ms, max Y ms)"}, or empty before the first answer. */
    synchronized String summary() {
        if (millis.isEmpty()) {
            return "";
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return " (last " + sorted.size() + ": median " + sorted.get((sorted.size() - 1) / 2) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms in the server)";
    }
}
