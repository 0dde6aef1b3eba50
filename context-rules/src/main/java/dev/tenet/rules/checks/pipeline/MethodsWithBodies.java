package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.tenet.rules.engine.JavaFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file's methods with a body, each with its own catch clauses (those whose nearest enclosing method it is)
 * and every throw statement inside it (nested classes included), collected in one walk of the file.
 */
final class MethodsWithBodies {
    private final List<MethodDeclaration> methods = new ArrayList<>();
    private final Map<MethodDeclaration, List<CatchClause>> catches = new IdentityHashMap<>();
    private final Map<MethodDeclaration, List<ThrowStmt>> throwStmts = new IdentityHashMap<>();

    private MethodsWithBodies() {
    }

    static MethodsWithBodies of(JavaFile file) {
        MethodsWithBodies found = new MethodsWithBodies();
        for (Node node : file.nodes()) {
            if (node instanceof MethodDeclaration method && method.getBody().isPresent()) {
                found.methods.add(method);
            } else if (node instanceof CatchClause clause) {
                clause.findAncestor(MethodDeclaration.class)
                        .ifPresent(method -> found.catches.computeIfAbsent(method, m -> new ArrayList<>()).add(clause));
            } else if (node instanceof ThrowStmt throwStmt) {
                for (Optional<MethodDeclaration> method = throwStmt.findAncestor(MethodDeclaration.class); method.isPresent();
                     method = method.get().findAncestor(MethodDeclaration.class)) {
                    found.throwStmts.computeIfAbsent(method.get(), m -> new ArrayList<>()).add(throwStmt);
                }
            }
        }
        return found;
    }

    List<MethodDeclaration> all() {
        return methods;
    }

    List<CatchClause> catchesOf(MethodDeclaration method) {
        return catches.getOrDefault(method, List.of());
    }

    List<ThrowStmt> throwsIn(MethodDeclaration method) {
        return throwStmts.getOrDefault(method, List.of());
    }
}
