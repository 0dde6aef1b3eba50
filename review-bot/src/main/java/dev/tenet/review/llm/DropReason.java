package dev.tenet.review.llm;

/** Why an answer of the model was not kept; the summary counts each. */
enum DropReason {
    MALFORMED("malformed answer"),
    UNKNOWN_RULE("unknown rule id"),
    RULE_OFF("rule switched off"),
    NOT_CHANGED("not on a changed line"),
    REPEATS_CHECK("repeats a deterministic finding"),
    DUPLICATE("said twice");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
