package dev.tenet.rules.checks.resilience;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.tenet.rules.checks.resilience.ClientProvenance.Kind;
import dev.tenet.rules.engine.JavaFile;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where the client of an HTTP call comes from within its file: a constructor parameter or an
 * injected field, a field or local set from injected builders and factories, or one built from
 * scratch. Unknown origins (a getter, a plain method parameter) give nothing, so the check stays
 * silent on them.
 */
final class ClientOrigins {
    private static final Set<String> INJECTING = Set.of("Autowired", "Inject", "Resource");
    private static final Set<String> STATIC_FACTORIES = Set.of("HttpClients", "ClientHttpRequestFactories");

    private ClientOrigins() {
    }

    /** The origin of the receiver of {@code call}, an outermost call of a chain on an HTTP client. */
    static Optional<ClientProvenance> of(JavaFile file, MethodCallExpr call) {
        Expression root = JavaFile.chainRoot(call);
        String name = root instanceof NameExpr n ? n.getNameAsString()
                : root instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr ? f.getNameAsString() : null;
        if (name == null || root == call) {
            return Optional.empty();
        }
        Optional<CallableDeclaration> callable = root.findAncestor(CallableDeclaration.class);
        if (root instanceof NameExpr && callable.isPresent()) {
            CallableDeclaration<?> method = callable.get();
            if (method.getParameterByName(name).isPresent()) {
                return method instanceof ConstructorDeclaration ? Optional.of(ClientProvenance.injected()) : Optional.empty();
            }
            Optional<VariableDeclarator> local = method.findFirst(VariableDeclarator.class, v -> v.getNameAsString().equals(name));
            if (local.isPresent()) {
                return firstValue(method, local.get()).flatMap(v -> judge(file, v));
            }
        }
        Optional<TypeDeclaration<?>> owner = file.enclosingType(root);
        while (owner.isPresent()) {
            Optional<ClientProvenance> field = ofField(file, owner.get(), name);
            if (field.isPresent() || file.field(owner.get(), name).isPresent()) {
                return field;
            }
            owner = file.enclosingType(owner.get());
        }
        boolean typeName = root instanceof NameExpr && Character.isUpperCase(name.charAt(0));
        return typeName ? judge(file, call) : Optional.empty();
    }

    private static Optional<ClientProvenance> ofField(JavaFile file, TypeDeclaration<?> type, String name) {
        if (type instanceof RecordDeclaration record && record.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
            return Optional.of(ClientProvenance.injected());
        }
        for (FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator variable : field.getVariables()) {
                if (variable.getNameAsString().equals(name)) {
                    Optional<Expression> value = firstValue(type, variable);
                    if (value.isPresent()) {
                        return judge(file, value.get());
                    }
                    boolean injectedField = field.isFinal() || field.getAnnotations().stream()
                            .anyMatch(a -> INJECTING.contains(JavaFile.simpleName(a.getNameAsString())));
                    return injectedField ? Optional.of(ClientProvenance.injected()) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Expression> firstValue(Node scope, VariableDeclarator variable) {
        if (variable.getInitializer().isPresent()) {
            return variable.getInitializer();
        }
        String name = variable.getNameAsString();
        return scope.findFirst(AssignExpr.class, a -> a.getTarget() instanceof NameExpr n && n.getNameAsString().equals(name)
                || a.getTarget() instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr && f.getNameAsString().equals(name))
                .map(AssignExpr::getValue);
    }

    /** Judges the expression a client is set from: an injected parameter, something built from injected parts, or built from scratch. */
    private static Optional<ClientProvenance> judge(JavaFile file, Expression value) {
        String text = value.toString();
        if (value instanceof NameExpr n) {
            Optional<Parameter> parameter = value.findAncestor(CallableDeclaration.class)
                    .flatMap(c -> ((CallableDeclaration<?>) c).getParameterByName(n.getNameAsString()));
            if (parameter.isPresent()) {
                String type = HttpClientTypes.normalize(file, JavaFile.erasure(parameter.get().getType()));
                return HttpClientTypes.CLIENTS.contains(type) ? Optional.of(ClientProvenance.injected())
                        : HttpClientTypes.KNOWN.contains(type) ? Optional.of(new ClientProvenance(Kind.FROM, List.of(type), text))
                        : Optional.empty();
            }
        }
        Set<String> inputs = new LinkedHashSet<>();
        collectInputs(file, value, inputs, 0);
        if (!inputs.isEmpty()) {
            return Optional.of(new ClientProvenance(Kind.FROM, List.copyOf(inputs), text));
        }
        boolean builtHere = value.stream().anyMatch(node -> constructs(file, node));
        return builtHere ? Optional.of(new ClientProvenance(Kind.BUILT, List.of(), text)) : Optional.empty();
    }

    /** Injected builders, factories or clients the expression reads: parameters, fields without initializer, through locals. */
    private static void collectInputs(JavaFile file, Expression value, Set<String> inputs, int depth) {
        for (Expression read : value.findAll(Expression.class, e -> e instanceof NameExpr
                || e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr)) {
            String name = read instanceof NameExpr n ? n.getNameAsString() : ((FieldAccessExpr) read).getNameAsString();
            String type = HttpClientTypes.normalize(file, file.typeOf(read));
            Optional<CallableDeclaration> callable = read.findAncestor(CallableDeclaration.class);
            Optional<VariableDeclarator> local = read instanceof NameExpr ? callable.flatMap(c -> ((Node) c)
                    .findFirst(VariableDeclarator.class, v -> v.getNameAsString().equals(name))) : Optional.empty();
            if (local.isPresent()) {
                if (depth < 3) {
                    firstValue(callable.get(), local.get()).ifPresent(v -> collectInputs(file, v, inputs, depth + 1));
                }
            } else if (HttpClientTypes.KNOWN.contains(type) && !Character.isUpperCase(name.charAt(0))) {
                inputs.add(type);
            }
        }
    }

    private static boolean constructs(JavaFile file, Node node) {
        if (node instanceof ObjectCreationExpr creation) {
            return HttpClientTypes.KNOWN.contains(HttpClientTypes.normalize(file, JavaFile.erasure(creation.getType())));
        }
        if (node instanceof MethodCallExpr call && call.getScope().filter(s -> s instanceof NameExpr || s instanceof FieldAccessExpr).isPresent()
                && HttpClientTypes.FACTORY_METHODS.contains(call.getNameAsString())) {
            String scope = JavaFile.shortText(call.getScope().get());
            String type = HttpClientTypes.normalize(file, scope);
            return HttpClientTypes.KNOWN.contains(type) || STATIC_FACTORIES.contains(JavaFile.simpleName(scope));
        }
        return false;
    }
}
