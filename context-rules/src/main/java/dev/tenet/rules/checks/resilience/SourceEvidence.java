package dev.tenet.rules.checks.resilience;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.tenet.rules.engine.JavaFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Looks for a sign (a timeout setter, an {@code entryTtl} call) in the code that builds something:
 * the code itself, the same class's methods it calls, and how the variables it reads were set up —
 * a local's initializer and the calls made on it, a field's initializer, assignments and the calls
 * made on it in constructors. Stays within one file.
 */
public final class SourceEvidence {
    private final Predicate<Node> sign;

    private SourceEvidence(Predicate<Node> sign) {
        this.sign = sign;
    }

    /** Evidence of calls whose name the predicate accepts. */
    public static SourceEvidence ofCalls(Predicate<String> callName) {
        return new SourceEvidence(n -> n instanceof MethodCallExpr call && callName.test(call.getNameAsString()));
    }

    /** Evidence of any node the predicate accepts. */
    public static SourceEvidence of(Predicate<Node> sign) {
        return new SourceEvidence(sign);
    }

    /** Whether the sign appears in {@code code} or in the code that sets up what it uses. */
    public boolean in(Node code) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> work = new ArrayDeque<>(List.of(code));
        while (!work.isEmpty()) {
            Node next = work.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next.stream().anyMatch(sign)) {
                return true;
            }
            work.addAll(setUpOf(next));
        }
        return false;
    }

    private static List<Node> setUpOf(Node code) {
        List<Node> more = new ArrayList<>();
        Optional<TypeDeclaration> type = code.findAncestor(TypeDeclaration.class);
        if (code instanceof TypeDeclaration<?> self) {
            type = Optional.of(self);
        }
        if (type.isEmpty()) {
            return more;
        }
        TypeDeclaration<?> owner = type.get();
        for (MethodCallExpr call : code.findAll(MethodCallExpr.class)) {
            if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
                more.addAll(owner.getMethodsByName(call.getNameAsString()));
            }
        }
        for (MethodReferenceExpr reference : code.findAll(MethodReferenceExpr.class)) {
            if (reference.getScope() instanceof ThisExpr) {
                more.addAll(owner.getMethodsByName(reference.getIdentifier()));
            }
        }
        for (Expression read : code.findAll(Expression.class, e -> e instanceof NameExpr
                || e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr)) {
            String name = read instanceof NameExpr n ? n.getNameAsString() : ((FieldAccessExpr) read).getNameAsString();
            Optional<CallableDeclaration> callable = read.findAncestor(CallableDeclaration.class);
            if (callable.isPresent() && declaresLocal(callable.get(), name)) {
                more.addAll(setUp(callable.get(), name));
            } else if (isField(owner, name)) {
                more.addAll(setUp(owner, name));
            }
        }
        return more;
    }

    /** Initializers, assigned values and calls made on {@code name}: anywhere in a callable, in constructors for a field. */
    private static List<Node> setUp(Node scope, String name) {
        List<Node> found = new ArrayList<>();
        boolean field = scope instanceof TypeDeclaration<?>;
        List<VariableDeclarator> declarations = field
                ? ((TypeDeclaration<?>) scope).getFields().stream().flatMap(f -> f.getVariables().stream()).toList()
                : scope.findAll(VariableDeclarator.class);
        for (VariableDeclarator variable : declarations) {
            if (variable.getNameAsString().equals(name)) {
                variable.getInitializer().ifPresent(found::add);
            }
        }
        for (AssignExpr assign : scope.findAll(AssignExpr.class, a -> JavaFile.simpleName(targetName(a.getTarget())).equals(name))) {
            found.add(assign.getValue());
        }
        for (MethodCallExpr call : scope.findAll(MethodCallExpr.class)) {
            Expression root = JavaFile.chainRoot(call);
            boolean onName = root instanceof NameExpr n && n.getNameAsString().equals(name)
                    || root instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr && f.getNameAsString().equals(name);
            boolean inSetUp = !field || call.findAncestor(ConstructorDeclaration.class).isPresent()
                    || call.findAncestor(InitializerDeclaration.class).isPresent();
            if (onName && root != call && inSetUp) {
                found.add(call);
            }
        }
        return found;
    }

    private static String targetName(Expression target) {
        if (target instanceof NameExpr n) {
            return n.getNameAsString();
        }
        return target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr ? f.getNameAsString() : "";
    }

    private static boolean declaresLocal(CallableDeclaration<?> callable, String name) {
        return callable.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))
                || !callable.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name)).isEmpty();
    }

    private static boolean isField(TypeDeclaration<?> type, String name) {
        return type.getFields().stream().map(FieldDeclaration::getVariables)
                .anyMatch(vs -> vs.stream().anyMatch(v -> v.getNameAsString().equals(name)));
    }
}
