package dev.tenet.rules.model;

/**
 * A finding suppressed in code, by {@code @SuppressWarnings("tenet:RULE")} on a declaration or by a
 * {@code // tenet:ignore RULE -- reason} comment (which covers its own line and the next).
 *
 * @param ruleId    the suppressed rule ({@code all} suppresses every rule)
 * @param startLine first covered line
 * @param endLine   last covered line
 * @param line      where the suppression itself is written (for error messages)
 */
public record Suppression(String ruleId, int startLine, int endLine, int line) {
    public boolean covers(String rule, int findingLine) {
        return (ruleId.equals(rule) || ruleId.equals("all")) && findingLine >= startLine && findingLine <= endLine;
    }
}
