package dev.tenet.review.llm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What one LLM pass did, counted as it goes, and said in a few sentences for the summary. */
final class LlmAccount {
    private static final int LISTED = 10;

    private final String model;
    private final int budget;
    private int hunks;
    private int reviewed;
    private int unmatched;
    private int kept;
    private int baselined;
    private int redactions;
    private long inputTokens;
    private long outputTokens;
    private long spent;
    private final Map<DropReason, Integer> dropped = new EnumMap<>(DropReason.class);
    private final List<String> skipped = new ArrayList<>();
    private String failure;
    private int notReviewedAfterFailure;

    LlmAccount(String model, int budget) {
        this.model = model;
        this.budget = budget;
    }

    void hunks(int count) {
        hunks = count;
    }

    void unmatched() {
        unmatched++;
    }

    void redacted(int count) {
        redactions += count;
    }

    void spent(Integer input, Integer output, Integer total, int estimate) {
        reviewed++;
        inputTokens += input == null ? 0 : input;
        outputTokens += output == null ? 0 : output;
        long all = total != null ? total : input != null && output != null ? input + output : estimate;
        spent += all;
    }

    long spent() {
        return spent;
    }

    void dropped(DropReason reason) {
        dropped.merge(reason, 1, Integer::sum);
    }

    void kept(int count, int baselinedCount) {
        kept += count;
        baselined += baselinedCount;
    }

    void skipped(String hunk) {
        skipped.add(hunk);
    }

    void failed(String why, int notReviewed) {
        failure = why;
        notReviewedAfterFailure = notReviewed;
    }

    /** The pass could not start at all. */
    static List<String> notRun(String model, String why) {
        return List.of("LLM review pass (" + model + ") did not run: " + why + ". The deterministic review is complete.");
    }

    List<String> sentences() {
        List<String> out = new ArrayList<>();
        String status = failure == null ? "" : reviewed == 0 ? " failed" : " partial";
        out.add("LLM review pass (" + model + ")" + status + ": " + reviewed + " of " + hunks + " hunk(s) reviewed, " + kept
                + " finding(s) kept" + (baselined > 0 ? " and " + baselined + " baselined" : "") + "; " + number(spent) + " of "
                + number(budget) + " tokens spent (" + number(inputTokens) + " in, " + number(outputTokens) + " out).");
        if (failure != null) {
            out.add("LLM review pass stopped: " + failure + "; " + notReviewedAfterFailure
                    + " hunk(s) not reviewed by the model. The deterministic review is complete.");
        }
        if (!dropped.isEmpty()) {
            List<String> parts = new ArrayList<>();
            dropped.forEach((reason, count) -> parts.add(count + " " + reason.label()));
            out.add("LLM answers dropped: " + String.join(", ", parts) + ".");
        }
        if (!skipped.isEmpty()) {
            String listed = String.join(", ", skipped.subList(0, Math.min(LISTED, skipped.size())));
            out.add("LLM review pass skipped " + skipped.size() + " hunk(s) over the token budget: " + listed
                    + (skipped.size() > LISTED ? " and " + (skipped.size() - LISTED) + " more" : "") + ".");
        }
        if (unmatched > 0) {
            out.add(unmatched + " hunk(s) matched no rule and were not sent to the model.");
        }
        if (redactions > 0) {
            out.add(redactions + " secret(s) redacted before anything was sent.");
        }
        return out;
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
