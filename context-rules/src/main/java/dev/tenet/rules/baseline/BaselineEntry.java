package dev.tenet.rules.baseline;

import dev.tenet.rules.finding.Finding;
import java.util.Comparator;
import java.util.Objects;

/**
 * One accepted finding in the baseline; it matches a finding by rule id and fingerprint only, the
 * file and message are there for the people reading the baseline's diff.
 *
 * @param ruleId      the rule of the accepted finding
 * @param fingerprint the finding's fingerprint (no line numbers, so it survives unrelated edits)
 * @param file        where the finding was when it was accepted
 * @param message     what the finding said
 */
public record BaselineEntry(String ruleId, String fingerprint, String file, String message) {

    /** The order entries are written in, so the file diffs cleanly. */
    static final Comparator<BaselineEntry> ORDER = Comparator.comparing(BaselineEntry::file)
            .thenComparing(BaselineEntry::ruleId).thenComparing(BaselineEntry::fingerprint);

    public BaselineEntry {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        file = file == null ? "" : file;
        message = message == null ? "" : message;
    }

    public static BaselineEntry of(Finding finding) {
        return new BaselineEntry(finding.ruleId(), finding.fingerprint(), finding.file(), finding.message());
    }
}
