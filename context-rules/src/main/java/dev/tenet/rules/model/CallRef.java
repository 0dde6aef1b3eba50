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
 */
public record CallRef(String receiverType, String receiverText, String method, int argCount, int line, int column) {
}
