package dev.tenet.rules.engine;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.tenet.rules.effects.EffectModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed Java file as the checks see it in phase one: the tree plus name lookups that need no
 * build — the declared type of a variable, field or parameter, and a type name through the imports.
 */
public final class JavaFile {
    private final String path;
    private final String source;
    private final CompilationUnit unit;
    private final List<Comment> comments;
    private final Map<Node, Map<String, String>> localsByCallable = new IdentityHashMap<>();
    private final Map<Node, Map<String, Expression>> varsByCallable = new IdentityHashMap<>();
    private Set<String> declaredTypeNames;
    /** Stands for "no type could be told" among the remembered types (compared by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String UNKNOWN_TYPE = new String("?");
    private List<Node> nodes;
    private Map<Node, Span> bodySpans;
    private final Map<Class<?>, List<Node>> nodesByType = new HashMap<>();
    private final Map<Expression, String> typesOf = new IdentityHashMap<>();
    private final Map<String, Boolean> mentioned = new HashMap<>();
    private final Map<String, String> importsBySimpleName = new HashMap<>();
    private final Map<TypeDeclaration<?>, Map<String, VariableDeclarator>> fieldsByType = new IdentityHashMap<>();
    private final Map<TypeDeclaration<?>, Map<String, Type>> fieldTypesByType = new IdentityHashMap<>();

    /**
     * @param comments every comment of the file in source order, as the parser collected them (they
     *                 are not attributed to nodes, see {@link JavaParsers})
     */
    public JavaFile(String path, String source, CompilationUnit unit, List<Comment> comments) {
        this.path = path;
        this.source = source;
        this.unit = unit;
        this.comments = List.copyOf(comments);
        for (ImportDeclaration imp : unit.getImports()) {
            if (!imp.isStatic() && !imp.isAsterisk()) {
                String name = imp.getNameAsString();
                importsBySimpleName.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
    }

    public String path() {
        return path;
    }

    public String source() {
        return source;
    }

    public CompilationUnit unit() {
        return unit;
    }

    /**
     * Every node of the file in the order {@code findAll} visits them (pre-order), walked once: the checks ask
     * the same tree a dozen questions, and filtering a list is far cheaper than walking the tree again.
     */
    public List<Node> nodes() {
        if (nodes == null) {
            bodySpans = new IdentityHashMap<>();
            nodes = preOrder(unit, bodySpans);
        }
        return nodes;
    }

    /**
     * The nodes of {@code root}'s subtree ({@code root} first), in pre-order: for a declaration (a method, a field, a
     * type...) a slice of {@link #nodes()}, since a subtree is contiguous in pre-order; any other root is walked.
     */
    public List<Node> nodesUnder(Node root) {
        List<Node> all = nodes();
        if (root == unit) {
            return all;
        }
        Span span = bodySpans.get(root);
        return span == null ? preOrder(root, null) : all.subList(span.start, span.end);
    }

    /** Where a declaration's subtree starts and ends in the file's pre-order. */
    private static final class Span {
        private final int start;
        private int end;

        private Span(int start) {
            this.start = start;
        }
    }

    /**
     * The pre-order javaparser's walk gives, without the synchronized stack and iterator objects it walks with;
     * records each declaration's span when {@code spans} is given (a span is pushed below the node's children and
     * closed when popped, so no tree is walked twice and no recursion can overflow on a deep expression).
     */
    private static List<Node> preOrder(Node root, Map<Node, Span> spans) {
        List<Node> order = new ArrayList<>();
        java.util.ArrayDeque<Object> pending = new java.util.ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next instanceof Span span) {
                span.end = order.size();
                continue;
            }
            Node node = (Node) next;
            if (spans != null && node instanceof BodyDeclaration) {
                Span span = new Span(order.size());
                spans.put(node, span);
                pending.push(span);
            }
            order.add(node);
            List<Node> children = node.getChildNodes();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return order;
    }

    /** The file's nodes of one type, in pre-order: {@code unit().findAll(type)} without the walk. */
    public <T extends Node> List<T> all(Class<T> type) {
        return all(type, node -> true);
    }

    /** The file's nodes of one type that pass {@code keep}, in pre-order. */
    public <T extends Node> List<T> all(Class<T> type, java.util.function.Predicate<? super T> keep) {
        List<T> found = new ArrayList<>();
        for (Node node : ofType(type)) {
            T typed = type.cast(node);
            if (keep.test(typed)) {
                found.add(typed);
            }
        }
        return found;
    }

    /** The file's nodes of one type, found in one pass over {@link #nodes()} the first time a check asks for that type. */
    private List<Node> ofType(Class<? extends Node> type) {
        List<Node> known = nodesByType.get(type);
        if (known == null) {
            known = new ArrayList<>();
            for (Node node : nodes()) {
                if (type.isInstance(node)) {
                    known.add(node);
                }
            }
            nodesByType.put(type, known);
        }
        return known;
    }

    /** Every comment of the file in source order; read comments here, never through {@code Node.getComment()}. */
    public List<Comment> comments() {
        return comments;
    }

    public String packageName() {
        return unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    }

    /** The fully qualified name an explicit import gives a simple type name, else the name itself. */
    public String qualify(String typeName) {
        if (typeName == null) {
            return null;
        }
        int dot = typeName.indexOf('.');
        String first = dot < 0 ? typeName : typeName.substring(0, dot);
        String imported = importsBySimpleName.get(first);
        if (imported == null) {
            return typeName;
        }
        return dot < 0 ? imported : imported + typeName.substring(dot);
    }

    /**
     * The fully qualified name of a type as written in this file, when it is a framework type the
     * effect model lists: an explicit import, a wildcard import of a listed type, {@code java.lang},
     * or a name already qualified. {@code null} for the codebase's own types (the project resolves
     * those in phase two) and for anything else: no guess from the simple name.
     */
    public String frameworkType(String written, EffectModel model) {
        if (written == null || written.isEmpty()) {
            return null;
        }
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String rest = dot < 0 ? "" : written.substring(dot);
        if (Character.isLowerCase(first.charAt(0))) {
            return model.knows(written) ? written : null;
        }
        String imported = importsBySimpleName.get(first);
        if (imported != null) {
            return model.knows(imported + rest) ? imported + rest : null;
        }
        if (declaresType(first)) {
            return null;
        }
        for (ImportDeclaration imp : unit.getImports()) {
            if (imp.isAsterisk() && !imp.isStatic() && model.knows(imp.getNameAsString() + "." + written)) {
                return imp.getNameAsString() + "." + written;
            }
        }
        return model.knows("java.lang." + written) ? "java.lang." + written : null;
    }

    /**
     * Whether a type written in this file stands for {@code fqn}, by the file's own evidence only: an explicit
     * import, the name written qualified, a wildcard import of the type's package, {@code java.lang}, or the
     * file's package. A simple name with none of these is no evidence.
     */
    public boolean standsFor(String written, String fqn) {
        if (written == null || written.isEmpty()) {
            return false;
        }
        if (written.equals(fqn)) {
            return true;
        }
        String qualified = qualify(written);
        if (!qualified.equals(written)) {
            return qualified.equals(fqn);
        }
        String suffix = "." + written;
        if (written.contains(".") || !fqn.endsWith(suffix) || declaresType(written)) {
            return false;
        }
        String owner = fqn.substring(0, fqn.length() - suffix.length());
        if (owner.equals("java.lang") || owner.equals(packageName())) {
            return true;
        }
        for (ImportDeclaration imp : unit.getImports()) {
            if (imp.isAsterisk() && !imp.isStatic() && imp.getNameAsString().equals(owner)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a type written in this file stands for one of {@code fqns}. */
    public boolean standsForAny(String written, java.util.Collection<String> fqns) {
        return fqns.stream().anyMatch(fqn -> standsFor(written, fqn));
    }

    /** The type a static import brings an unqualified method from, when the model lists it. */
    public String staticImportOwner(String method, EffectModel model) {
        for (ImportDeclaration imp : unit.getImports()) {
            if (!imp.isStatic()) {
                continue;
            }
            String name = imp.getNameAsString();
            String owner = imp.isAsterisk() ? name : name.endsWith("." + method) ? name.substring(0, name.lastIndexOf('.')) : null;
            if (owner != null && model.knows(owner)) {
                return owner;
            }
        }
        return null;
    }

    /** Whether the file's text contains {@code word}, answered once per word (a cheap precondition for per-node questions). */
    public boolean mentions(String word) {
        return mentioned.computeIfAbsent(word, source::contains);
    }

    /** Whether the file declares a type (nested ones included) of that simple name; the names are collected once. */
    public boolean declaresType(String simpleName) {
        if (declaredTypeNames == null) {
            Set<String> names = new HashSet<>();
            all(TypeDeclaration.class).forEach(type -> names.add(type.getNameAsString()));
            declaredTypeNames = names;
        }
        return declaredTypeNames.contains(simpleName);
    }

    /** The simple (last) segment of a possibly qualified type name. */
    public static String simpleName(String typeName) {
        if (typeName == null) {
            return null;
        }
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }

    /** A type as written, generics and array brackets removed: {@code Map.Entry}, {@code KafkaTemplate}. */
    public static String erasure(Type type) {
        if (type instanceof ClassOrInterfaceType cit) {
            return cit.getNameWithScope();
        }
        if (type.isArrayType()) {
            return erasure(type.asArrayType().getComponentType());
        }
        return type.asString();
    }

    /**
     * The declared type (as written) of the receiver of a call, or {@code null} when it cannot be
     * told from the file alone: a local variable, parameter or field; the enclosing type for
     * {@code this}; a type name for a static call.
     */
    public String typeOf(Expression expression) {
        if (expression == null) {
            return null;
        }
        // The model, the call counter and the effect classifier all ask for the same receivers.
        String known = typesOf.get(expression);
        if (known != null) {
            return known == UNKNOWN_TYPE ? null : known;
        }
        String type = resolveTypeOf(expression);
        typesOf.put(expression, type == null ? UNKNOWN_TYPE : type);
        return type;
    }

    private String resolveTypeOf(Expression expression) {
        if (expression instanceof ThisExpr) {
            return enclosingType(expression).map(TypeDeclaration::getNameAsString).orElse(null);
        }
        if (expression instanceof SuperExpr) {
            return enclosingType(expression).filter(t -> t instanceof ClassOrInterfaceDeclaration)
                    .flatMap(t -> ((ClassOrInterfaceDeclaration) t).getExtendedTypes().getFirst())
                    .map(ClassOrInterfaceType::getNameWithScope).orElse(null);
        }
        if (expression instanceof NameExpr name) {
            return typeOfName(expression, name.getNameAsString());
        }
        if (expression instanceof TypeExpr typeExpr && typeExpr.getType() instanceof ClassOrInterfaceType type && type.getScope().isEmpty()) {
            // A method reference's scope parses as a type even when it names a variable: producer::send.
            return typeOfName(expression, type.getNameAsString());
        }
        if (expression instanceof FieldAccessExpr access) {
            if (access.getScope() instanceof ThisExpr) {
                return fieldType(expression, access.getNameAsString());
            }
            String scope = shortText(access.getScope());
            if (!scope.isEmpty() && Character.isUpperCase(access.getNameAsString().charAt(0)) && looksLikeQualifiedName(scope)) {
                return scope + "." + access.getNameAsString();
            }
            return null;
        }
        if (expression instanceof ObjectCreationExpr creation) {
            return erasure(creation.getType());
        }
        return null;
    }

    /** The declared type of a local, parameter or field visible at {@code context}, or a type name itself. */
    private String typeOfName(Node context, String variable) {
        String local = localsOf(context).get(variable);
        if (local != null) {
            return local;
        }
        String field = fieldType(context, variable);
        if (field != null) {
            return field;
        }
        return Character.isUpperCase(variable.charAt(0)) ? variable : null;
    }

    /**
     * Short source text of a receiver: names, field accesses and {@code this} as written; anything
     * bigger (a call chain, a lambda) as {@code ""}, so no large subtree is ever printed.
     */
    public static String shortText(Expression expression) {
        if (expression == null) {
            return "";
        }
        if (expression instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (expression instanceof ThisExpr) {
            return "this";
        }
        if (expression instanceof FieldAccessExpr access && isSimpleAccess(access)) {
            return shortText(access.getScope()) + "." + access.getNameAsString();
        }
        if (expression instanceof ObjectCreationExpr creation) {
            return "new " + erasure(creation.getType());
        }
        return "";
    }

    private static boolean isSimpleAccess(FieldAccessExpr access) {
        Expression scope = access.getScope();
        return scope instanceof NameExpr || scope instanceof ThisExpr
                || scope instanceof FieldAccessExpr inner && isSimpleAccess(inner);
    }

    /** The innermost expression of a call chain: {@code a} in {@code a.b().c()}. */
    public static Expression chainRoot(MethodCallExpr call) {
        Expression current = call;
        while (current instanceof MethodCallExpr mce && mce.getScope().isPresent()) {
            current = mce.getScope().get();
        }
        return current;
    }

    /** The method names of a call chain from its root outwards: {@code [get, uri, retrieve]}. */
    public static List<String> chainNames(MethodCallExpr call) {
        List<String> names = new ArrayList<>();
        Expression current = call;
        while (current instanceof MethodCallExpr mce) {
            names.add(0, mce.getNameAsString());
            current = mce.getScope().orElse(null);
        }
        return names;
    }

    public Optional<TypeDeclaration<?>> enclosingType(Node node) {
        Optional<Node> current = node.getParentNode();
        while (current.isPresent()) {
            if (current.get() instanceof TypeDeclaration<?> type) {
                return Optional.of(type);
            }
            current = current.get().getParentNode();
        }
        return Optional.empty();
    }

    /** {@code Type#method} (or {@code Type}) around a node, for anchors and facts. */
    public String ownerOf(Node node) {
        String type = enclosingType(node).map(TypeDeclaration::getNameAsString).orElse("");
        Optional<CallableDeclaration> callable = node.findAncestor(CallableDeclaration.class);
        return callable.map(c -> type + "#" + c.getNameAsString()).orElse(type);
    }

    /** The initializer of a {@code var} local of that name in the body around {@code node}, for chains typed by the effect model. */
    public Optional<Expression> varInitializer(Node node, String name) {
        Node scope = node.findAncestor(BodyDeclaration.class).map(n -> (Node) n).orElse(unit);
        return Optional.ofNullable(varsByCallable.computeIfAbsent(scope, JavaFile::collectVars).get(name));
    }

    private static Map<String, Expression> collectVars(Node scope) {
        Map<String, Expression> vars = new HashMap<>();
        for (VariableDeclarator variable : scope.findAll(VariableDeclarator.class, v -> v.getType().isVarType())) {
            variable.getInitializer().ifPresent(init -> vars.putIfAbsent(variable.getNameAsString(), init));
        }
        return vars;
    }

    private Map<String, String> localsOf(Node node) {
        Node scope = node.findAncestor(BodyDeclaration.class).map(n -> (Node) n).orElse(unit);
        return localsByCallable.computeIfAbsent(scope, this::collectLocals);
    }

    private Map<String, String> collectLocals(Node scope) {
        Map<String, String> locals = new HashMap<>();
        List<Parameter> parameters = new ArrayList<>();
        List<VariableDeclarator> variables = new ArrayList<>();
        for (Node node : nodesUnder(scope)) {
            if (node instanceof Parameter parameter) {
                parameters.add(parameter);
            } else if (node instanceof VariableDeclarator variable) {
                variables.add(variable);
            }
        }
        for (Parameter parameter : parameters) {
            if (!parameter.getType().isUnknownType()) {
                locals.put(parameter.getNameAsString(), erasure(parameter.getType()));
            }
        }
        for (VariableDeclarator variable : variables) {
            if (variable.getParentNode().filter(p -> p instanceof FieldDeclaration).isPresent() && variable.getParentNode().get() == scope) {
                continue;
            }
            Type type = variable.getType();
            if (type.isVarType()) {
                variable.getInitializer().filter(Expression::isObjectCreationExpr)
                        .ifPresent(init -> locals.put(variable.getNameAsString(), erasure(init.asObjectCreationExpr().getType())));
            } else {
                locals.put(variable.getNameAsString(), erasure(type));
            }
        }
        return locals;
    }

    private String fieldType(Node from, String name) {
        Optional<TypeDeclaration<?>> type = enclosingType(from);
        while (type.isPresent()) {
            Type declared = fieldsOf(type.get()).get(name);
            if (declared != null) {
                return erasure(declared);
            }
            type = enclosingType(type.get());
        }
        return null;
    }

    /** The field (or record component) of a type with that name, if any; fields are indexed once per type. */
    public Optional<VariableDeclarator> field(TypeDeclaration<?> type, String name) {
        return Optional.ofNullable(fieldDeclarators(type).get(name));
    }

    private Map<String, Type> fieldsOf(TypeDeclaration<?> type) {
        return fieldTypesByType.computeIfAbsent(type, t -> {
            Map<String, Type> fields = new HashMap<>();
            fieldDeclarators(t).forEach((name, variable) -> fields.put(name, variable.getType()));
            if (t instanceof RecordDeclaration record) {
                for (Parameter component : record.getParameters()) {
                    fields.put(component.getNameAsString(), component.getType());
                }
            }
            return fields;
        });
    }

    private Map<String, VariableDeclarator> fieldDeclarators(TypeDeclaration<?> type) {
        return fieldsByType.computeIfAbsent(type, t -> {
            Map<String, VariableDeclarator> fields = new HashMap<>();
            for (FieldDeclaration field : t.getFields()) {
                for (VariableDeclarator variable : field.getVariables()) {
                    fields.putIfAbsent(variable.getNameAsString(), variable);
                }
            }
            return fields;
        });
    }

    private static boolean looksLikeQualifiedName(String text) {
        return text.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    }
}
