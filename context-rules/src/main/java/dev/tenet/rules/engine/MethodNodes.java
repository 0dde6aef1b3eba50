package dev.tenet.rules.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of one method body the model is built from, taken from the file's one pre-order list of nodes
 * (the order {@code findAll} gives) instead of one walk per question.
 */
record MethodNodes(List<MethodCallExpr> calls, List<MethodReferenceExpr> references, List<IfStmt> ifs, List<Statement> loops) {

    static MethodNodes of(JavaFile file, Node callable) {
        MethodNodes nodes = new MethodNodes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Node node : file.nodesUnder(callable)) {
            if (node instanceof MethodCallExpr call) {
                nodes.calls.add(call);
            } else if (node instanceof MethodReferenceExpr reference) {
                nodes.references.add(reference);
            } else if (node instanceof IfStmt ifStmt) {
                nodes.ifs.add(ifStmt);
            } else if (node instanceof WhileStmt || node instanceof DoStmt || node instanceof ForStmt) {
                nodes.loops.add((Statement) node);
            }
        }
        return nodes;
    }
}
