package dev.tenet.rules.model;

/**
 * The two branches of one {@code if} in a method, by lines, and whether each leaves the method
 * (ends in {@code return} or {@code throw}): code in one branch and code in the other, or code in a
 * branch that leaves and code after the {@code if}, never both run.
 *
 * @param thenStart first line of the then-branch
 * @param thenEnd   last line of the then-branch
 * @param thenExits whether the then-branch always leaves the method
 * @param elseStart first line of the else-branch ({@code 0} when there is none)
 * @param elseEnd   last line of the else-branch
 * @param elseExits whether the else-branch always leaves the method
 * @param end       last line of the whole {@code if}
 * @param blockEnd  last line of the block the {@code if} stands in (what runs after it ends there)
 */
public record Branch(int thenStart, int thenEnd, boolean thenExits, int elseStart, int elseEnd, boolean elseExits, int end,
                     int blockEnd) {

    /** Whether code on line {@code a} and code on line {@code b} can never both run. */
    public boolean separates(int a, int b) {
        return inThen(a) && inElse(b) || inThen(b) && inElse(a)
                || thenExits && (inThen(a) && after(b) || inThen(b) && after(a))
                || elseExits && (inElse(a) && after(b) || inElse(b) && after(a));
    }

    private boolean inThen(int line) {
        return line >= thenStart && line <= thenEnd;
    }

    private boolean inElse(int line) {
        return elseStart > 0 && line >= elseStart && line <= elseEnd;
    }

    private boolean after(int line) {
        return line > end && line <= blockEnd;
    }
}
