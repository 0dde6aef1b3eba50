package dev.tenet.rules.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.model.AnnotationRef;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.CallRef;
import dev.tenet.rules.model.EffectRef;
import dev.tenet.rules.model.ImportRef;
import dev.tenet.rules.model.MethodModel;
import dev.tenet.rules.model.Suppression;
import dev.tenet.rules.model.TypeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one parsed file into the declarations, calls, effects and suppressions the engine keeps. */
final class ModelExtractor {
    private static final String SUPPRESS_PREFIX = "tenet:";
    private static final java.util.Set<String> LIBRARY_TYPES = java.util.Set.of("String", "StringBuilder", "Object", "Objects",
            "List", "Map", "Set", "Collection", "Iterator", "Optional", "Stream", "IntStream", "LongStream", "Collectors", "Arrays",
            "Collections", "Math", "Integer", "Long", "Double", "Float", "Short", "Byte", "Character", "Boolean", "System", "Class",
            "Duration", "Instant", "LocalDate", "LocalDateTime", "ZonedDateTime", "OffsetDateTime", "BigDecimal", "BigInteger",
            "UUID", "Logger", "Log", "Assert", "StringUtils", "ObjectUtils", "CollectionUtils", "ClassUtils", "ReflectionUtils",
            "Pattern", "Matcher", "AtomicInteger", "AtomicLong", "AtomicBoolean", "AtomicReference");
    private static final Set<String> GENERATED_VALUE = Set.of("jakarta.persistence.GeneratedValue", "javax.persistence.GeneratedValue");
    private static final EffectClassifier CLASSIFIER = new EffectClassifier(EffectModel.builtIn());
    private static final Pattern IGNORE_COMMENT = Pattern.compile("tenet:ignore\\s+([\\w.,\\s-]+?)\\s*(?:--.*)?$");

    private ModelExtractor() {
    }

    static List<ImportRef> imports(JavaFile file) {
        return file.unit().getImports().stream()
                .map(i -> new ImportRef(i.getNameAsString(), i.isStatic(), i.isAsterisk(), line(i)))
                .toList();
    }

    static List<TypeModel> types(JavaFile file, CallCounter counter) {
        List<TypeModel> types = new ArrayList<>();
        for (TypeDeclaration<?> type : file.all(TypeDeclaration.class)) {
            type.getFullyQualifiedName().ifPresent(fqn -> types.add(type(file, type, fqn, counter)));
        }
        return types;
    }

    static List<Suppression> suppressions(JavaFile file) {
        List<Suppression> suppressions = new ArrayList<>();
        if (!file.source().contains(SUPPRESS_PREFIX)) {
            return suppressions;
        }
        for (AnnotationExpr annotation : file.all(AnnotationExpr.class,
                a -> a.getNameAsString().endsWith("SuppressWarnings"))) {
            Node target = annotation.getParentNode().orElse(annotation);
            int start = line(target);
            int end = target.getEnd().map(p -> p.line).orElse(start);
            for (String value : annotationValues(annotation)) {
                if (value.startsWith(SUPPRESS_PREFIX)) {
                    suppressions.add(new Suppression(value.substring(SUPPRESS_PREFIX.length()), start, end, line(annotation)));
                }
            }
        }
        for (Comment comment : file.comments()) {
            Matcher matcher = IGNORE_COMMENT.matcher(comment.getContent().strip());
            if (matcher.find()) {
                int line = line(comment);
                for (String rule : matcher.group(1).split("[,\\s]+")) {
                    if (!rule.isBlank()) {
                        suppressions.add(new Suppression(rule.strip(), line, line + 1, line));
                    }
                }
            }
        }
        return suppressions;
    }

    private static TypeModel type(JavaFile file, TypeDeclaration<?> type, String fqn, CallCounter counter) {
        List<String> supertypes = new ArrayList<>();
        String kind = "class";
        if (type instanceof ClassOrInterfaceDeclaration c) {
            kind = c.isInterface() ? "interface" : "class";
            c.getExtendedTypes().forEach(t -> supertypes.add(t.getNameWithScope()));
            c.getImplementedTypes().forEach(t -> supertypes.add(t.getNameWithScope()));
        } else if (type instanceof EnumDeclaration e) {
            kind = "enum";
            e.getImplementedTypes().forEach(t -> supertypes.add(t.getNameWithScope()));
        } else if (type instanceof RecordDeclaration r) {
            kind = "record";
            r.getImplementedTypes().forEach(t -> supertypes.add(t.getNameWithScope()));
        } else if (type.isAnnotationDeclaration()) {
            kind = "annotation";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator variable : field.getVariables()) {
                fields.put(variable.getNameAsString(), JavaFile.erasure(variable.getType()));
            }
        }
        if (type instanceof RecordDeclaration record) {
            for (Parameter component : record.getParameters()) {
                fields.put(component.getNameAsString(), JavaFile.erasure(component.getType()));
            }
        }
        List<MethodModel> methods = new ArrayList<>();
        for (MethodDeclaration method : type.getMethods()) {
            methods.add(method(file, method, method.getType().asString(), counter));
        }
        for (ConstructorDeclaration constructor : type.getConstructors()) {
            methods.add(method(file, constructor, "void", counter));
        }
        boolean generatedId = type.getFields().stream().anyMatch(f -> f.getAnnotations().stream()
                .anyMatch(a -> file.standsForAny(a.getNameAsString(), GENERATED_VALUE)));
        return new TypeModel(fqn, type.getNameAsString(), kind, annotations(type), supertypes, fields, methods,
                line(type), type.getEnd().map(p -> p.line).orElse(line(type)), generatedId);
    }

    private static MethodModel method(JavaFile file, CallableDeclaration<?> callable, String returnType, CallCounter counter) {
        List<CallRef> calls = new ArrayList<>();
        List<EffectRef> effects = new ArrayList<>();
        String owner = callable.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("");
        MethodNodes nodes = MethodNodes.of(file, callable);
        Set<String> testedNames = ControlFlow.namesTestedByIfs(nodes.ifs());
        for (MethodCallExpr call : nodes.calls()) {
            if (ControlFlow.runsAfterCommit(file, call, CLASSIFIER)) {
                continue;
            }
            String receiverType = call.getScope().isPresent() ? file.typeOf(call.getScope().get()) : owner;
            String receiverText = call.getScope().map(JavaFile::shortText).orElse("");
            boolean outermost = isOutermostOfChain(call);
            if (outermost) {
                counter.count(file, call);
            }
            boolean decidesExit = ControlFlow.decidesExit(file, call, testedNames);
            if (receiverType != null && !LIBRARY_TYPES.contains(JavaFile.simpleName(receiverType))) {
                calls.add(new CallRef(receiverType, receiverText, call.getNameAsString(), call.getArguments().size(), line(call),
                        column(call), decidesExit, savesAnObject(call) ? createdType(file, call.getArgument(0), 0) : null));
            }
            if (outermost) {
                effects.addAll(onThisThread(file, call, CLASSIFIER.classify(file, call, decidesExit)));
            }
        }
        for (MethodReferenceExpr reference : nodes.references()) {
            Expression scope = reference.getScope();
            String receiverType = scope.isThisExpr() ? owner
                    : scope instanceof TypeExpr t ? JavaFile.erasure(t.getType()) : file.typeOf(scope);
            calls.add(new CallRef(receiverType, JavaFile.shortText(scope), reference.getIdentifier(), -1, line(reference), column(reference),
                    false, null));
            effects.addAll(onThisThread(file, reference, CLASSIFIER.classify(file, reference)));
        }
        effects.addAll(ControlFlow.retryLoops(callable, nodes.loops()));
        List<String> parameterTypes = callable.getParameters().stream().map(p -> JavaFile.erasure(p.getType())).toList();
        int start = callable.getName().getBegin().map(p -> p.line).orElse(line(callable));
        return new MethodModel(callable instanceof ConstructorDeclaration ? "<init>" : callable.getNameAsString(),
                parameterTypes, returnType, annotations(callable), start,
                callable.getEnd().map(p -> p.line).orElse(start), calls, effects, ControlFlow.branches(callable, nodes.ifs()));
    }

    /** Only a repository save's argument matters (Spring Data's contract), so only such calls are looked at. */
    private static boolean savesAnObject(MethodCallExpr call) {
        return !call.getArguments().isEmpty() && call.getNameAsString().startsWith("save");
    }

    /**
     * The type of a newly created object passed as an argument: {@code new Order(..)}, {@code Order.builder()...build()},
     * or a local initialised with one of those; {@code null} for anything else (a loaded entity, a parameter, a call result).
     */
    private static String createdType(JavaFile file, Expression argument, int hops) {
        if (argument instanceof ObjectCreationExpr creation) {
            return JavaFile.erasure(creation.getType());
        }
        if (argument instanceof MethodCallExpr call && call.getNameAsString().equals("build")
                && JavaFile.chainRoot(call) instanceof NameExpr root && Character.isUpperCase(root.getNameAsString().charAt(0))) {
            return root.getNameAsString();
        }
        if (argument instanceof NameExpr name && hops == 0) {
            return argument.findAncestor(CallableDeclaration.class).flatMap(body -> body.findAll(VariableDeclarator.class).stream()
                    .filter(v -> v.getNameAsString().equals(name.getNameAsString())).findFirst())
                    .flatMap(VariableDeclarator::getInitializer).map(init -> createdType(file, init, 1)).orElse(null);
        }
        return null;
    }

    /** Sleeps and waits count only where they block the method's own thread, not in work handed to an executor or a Reactor operator. */
    private static List<EffectRef> onThisThread(JavaFile file, Node at, List<EffectRef> effects) {
        if (effects.isEmpty() || effects.stream().noneMatch(e -> e.effect() == Effect.SLEEP || e.effect() == Effect.BLOCKING_WAIT)) {
            return effects;
        }
        if (!ControlFlow.runsOffThread(file, at, CLASSIFIER)) {
            return effects;
        }
        return effects.stream().filter(e -> e.effect() != Effect.SLEEP && e.effect() != Effect.BLOCKING_WAIT).toList();
    }

    private static boolean isOutermostOfChain(MethodCallExpr call) {
        return call.getParentNode()
                .filter(p -> p instanceof MethodCallExpr parent && parent.getScope().filter(s -> s == call).isPresent())
                .isEmpty();
    }

    static List<AnnotationRef> annotations(NodeWithAnnotations<?> node) {
        List<AnnotationRef> refs = new ArrayList<>();
        for (AnnotationExpr annotation : node.getAnnotations()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            if (annotation instanceof SingleMemberAnnotationExpr single) {
                attributes.put("value", single.getMemberValue().toString());
            } else if (annotation instanceof NormalAnnotationExpr normal) {
                normal.getPairs().forEach(p -> attributes.put(p.getNameAsString(), p.getValue().toString()));
            }
            refs.add(new AnnotationRef(annotation.getNameAsString(), attributes, line(annotation)));
        }
        return refs;
    }

    private static List<String> annotationValues(AnnotationExpr annotation) {
        List<String> values = new ArrayList<>();
        Expression value = annotation instanceof SingleMemberAnnotationExpr single ? single.getMemberValue()
                : annotation instanceof NormalAnnotationExpr normal
                ? normal.getPairs().stream().filter(p -> p.getNameAsString().equals("value")).map(p -> p.getValue()).findFirst().orElse(null)
                : null;
        if (value == null) {
            return values;
        }
        NodeList<Expression> items = value instanceof ArrayInitializerExpr array ? array.getValues() : new NodeList<>(value);
        for (Expression item : items) {
            if (item instanceof StringLiteralExpr literal) {
                values.add(literal.getValue());
            }
        }
        return values;
    }

    static int column(Node node) {
        return node.getBegin().map(p -> p.column).orElse(0);
    }

    static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(1);
    }
}
