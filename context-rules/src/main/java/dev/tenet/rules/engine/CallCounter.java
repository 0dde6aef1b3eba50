package dev.tenet.rules.engine;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;

/**
 * Counts a file's call chains and those whose receiver's type Tenet cannot tell (a lambda parameter
 * without a type, the result of a call it knows nothing of): such calls have no effect, and the
 * report says how many there were, so a user can see how much of the code was understood.
 */
final class CallCounter {
    private int calls;
    private int unresolved;

    void count(JavaFile file, MethodCallExpr outermost) {
        calls++;
        Expression root = JavaFile.chainRoot(outermost);
        // An unqualified call is the type's own (or an inherited) method; a chain on what it returns is not known.
        boolean unqualified = root instanceof MethodCallExpr call && call.getScope().isEmpty();
        if (unqualified ? root != outermost : file.typeOf(root) == null) {
            unresolved++;
        }
    }

    int calls() {
        return calls;
    }

    int unresolved() {
        return unresolved;
    }
}
