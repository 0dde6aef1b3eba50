package dev.tenet.rules.model;

/**
 * A method call (or method reference) made by a method, for the project call graph.
 *
 * @param receiverType the receiver's type as written in the file (a field, parameter or local
 *                     variable type, the enclosing type for an unqualified call, a type name for a
 *                     static call), or {@code null} when it cannot be told without a build
 * @param receiverText the receiver expression's source text ({@code ""} for an unqualified call)
 * @param method       the called method's name
 * @param argCount     number of arguments ({@code -1} for a method reference)
 * @param line         where the call is
 * @param column       the column where the call expression starts (1-based)
 * @param decidesExit  whether the call's answer decides if the work goes on (tested by an {@code if}, or an
 *                     insert whose duplicate-key exception is caught): a dedup guard when the call is a claim
 *                     or an existence check
 * @param createdArgument the type (as written) of the first argument when the call gets a newly created object
 *                     ({@code new Order(..)}, {@code Order.builder()...build()}, or a local initialised so), else
 *                     {@code null}: saving a new entity inserts a row, saving a loaded one updates it
 */
public record CallRef(String receiverType, String receiverText, String method, int argCount, int line, int column,
                      boolean decidesExit, String createdArgument) {
    public CallRef {
        receiverType = Names.of(receiverType);
        receiverText = Names.of(receiverText);
        method = Names.of(method);
        createdArgument = Names.of(createdArgument);
    }

    public CallRef(String receiverType, String receiverText, String method, int argCount, int line, int column) {
        this(receiverType, receiverText, method, argCount, line, column, false, null);
    }
}
