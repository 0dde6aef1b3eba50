package dev.tenet.cli;

/** The exit codes every subcommand uses, as documented in {@code --help}. */
final class ExitCodes {
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;
    /** Only {@code tenet review --publish}: the findings were found but not all of them reached GitHub. */
    static final int PUBLISH_FAILED = 4;

    static final String OK_TEXT = "0:Success: nothing at or above --fail-on.";
    static final String FINDINGS_TEXT = "1:Findings at or above --fail-on.";
    static final String USAGE_TEXT = "2:Usage or configuration error (bad option, rule file, config, baseline, Spring property file; nothing to check).";
    static final String INTERNAL_TEXT = "3:Internal error (a bug in Tenet; please report it).";
    static final String PUBLISH_FAILED_TEXT = "4:The review could not be (fully) published, or GitHub's rate limit asked for a longer wait than "
            + "--github-max-wait; the message says what was and was not posted. (A review not published because the pull request's head "
            + "moved meanwhile exits 0 or 1, as a local review.)";

    private ExitCodes() {
    }
}
