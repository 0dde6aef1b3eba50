package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.ScanSink;
import java.util.Optional;
import java.util.Set;

/**
 * Phase one of {@link EventSchemaEvolutionCheck}: the shape of every record, class and enum a file
 * declares (Spring beans excepted), as JSON sees it, for the types phase two finds published. A
 * field is required when the type guarantees a value: a primitive, a non-null annotation, {@code @JsonProperty(required = true)}
 * or a {@code java.util.Objects.requireNonNull} of it in a constructor. Jackson's {@code @JsonProperty}
 * renames it and {@code @JsonIgnore} leaves it out.
 */
final class EventFields {
    static final String TYPE = "event-type";
    static final String FIELD = "event-field";
    static final String CONSTANT = "enum-constant";
    static final String ELEMENT_PARAMETER = "element-parameter";
    /** Beans are never event payloads: their fields are not recorded. */
    private static final Set<String> BEANS = Set.of("org.springframework.stereotype.Component", "org.springframework.stereotype.Service",
            "org.springframework.stereotype.Repository", "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.RestController", "org.springframework.context.annotation.Configuration",
            "org.springframework.boot.autoconfigure.SpringBootApplication");
    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Collection", "java.util.Set", "java.lang.Iterable");
    private static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";
    private static final String JSON_IGNORE = "com.fasterxml.jackson.annotation.JsonIgnore";
    private static final Set<String> NON_NULL = Set.of("jakarta.validation.constraints.NotNull", "javax.validation.constraints.NotNull",
            "lombok.NonNull", "org.springframework.lang.NonNull", "javax.annotation.Nonnull", "org.jspecify.annotations.NonNull",
            "org.jetbrains.annotations.NotNull", "edu.umd.cs.findbugs.annotations.NonNull");

    private final JavaFile file;
    private final ScanSink sink;

    private EventFields(JavaFile file, ScanSink sink) {
        this.file = file;
        this.sink = sink;
    }

    static void record(JavaFile file, ScanSink sink) {
        EventFields fields = new EventFields(file, sink);
        file.all(RecordDeclaration.class).forEach(fields::recordType);
        file.all(ClassOrInterfaceDeclaration.class, c -> !c.isInterface() && !c.isAbstract()).forEach(fields::classType);
        file.all(EnumDeclaration.class).forEach(fields::enumType);
        file.all(MethodDeclaration.class).forEach(fields::elementParameters);
    }

    /** The element type of a method's collection parameters ({@code append(List<ProgressUpdated>)}), which the type model erases. */
    private void elementParameters(MethodDeclaration method) {
        Optional<String> owner = file.enclosingType(method).flatMap(TypeDeclaration::getFullyQualifiedName);
        for (Parameter parameter : method.getParameters()) {
            if (owner.isPresent() && parameter.getType() instanceof ClassOrInterfaceType type
                    && COLLECTIONS.stream().anyMatch(c -> WrittenTypes.is(file, type.getNameWithScope(), c))) {
                type.getTypeArguments().filter(args -> args.size() == 1).ifPresent(args -> sink.fact(ELEMENT_PARAMETER,
                        owner.get() + "#" + method.getNameAsString(), JavaFile.erasure(args.get(0)), method.getName()));
            }
        }
    }

    private void recordType(RecordDeclaration type) {
        Optional<String> fqn = type.getFullyQualifiedName();
        if (fqn.isEmpty()) {
            return;
        }
        sink.fact(TYPE, fqn.get(), "record", type.getName());
        for (Parameter component : type.getParameters()) {
            field(fqn.get(), type, component, component.getNameAsString(), component.getType(), component.getName());
        }
    }

    private void classType(ClassOrInterfaceDeclaration type) {
        Optional<String> fqn = type.getFullyQualifiedName();
        if (fqn.isEmpty() || BEANS.stream().anyMatch(bean -> WrittenTypes.annotated(file, type, bean))) {
            return;
        }
        sink.fact(TYPE, fqn.get(), "class", type.getName());
        for (FieldDeclaration declaration : type.getFields()) {
            if (declaration.isStatic() || declaration.isTransient()) {
                continue;
            }
            for (VariableDeclarator variable : declaration.getVariables()) {
                field(fqn.get(), type, declaration, variable.getNameAsString(), variable.getType(), variable.getName());
            }
        }
    }

    private void enumType(EnumDeclaration type) {
        type.getFullyQualifiedName().ifPresent(fqn -> {
            sink.fact(TYPE, fqn, "enum", type.getName());
            type.getEntries().forEach(entry -> sink.fact(CONSTANT, fqn, entry.getNameAsString(), entry.getName()));
        });
    }

    private void field(String owner, TypeDeclaration<?> type, NodeWithAnnotations<?> declaration, String name, Type javaType, Node at) {
        if (WrittenTypes.annotated(file, declaration, JSON_IGNORE)) {
            return;
        }
        boolean required = javaType.isPrimitiveType() || NON_NULL.stream().anyMatch(a -> WrittenTypes.annotated(file, declaration, a))
                || requiredByJackson(declaration) || checkedNonNull(type, name);
        String argument = javaType instanceof ClassOrInterfaceType generic ? generic.getTypeArguments()
                .filter(args -> !args.isEmpty()).map(NodeList::getFirst).flatMap(o -> o).map(JavaFile::erasure).orElse("") : "";
        String written = javaType.isArrayType() ? JavaFile.erasure(javaType) + "[]" : JavaFile.erasure(javaType);
        sink.fact(FIELD, owner, jsonName(declaration).orElse(name) + "\t" + written + "\t" + argument + "\t" + required, at);
    }

    private Optional<String> jsonName(NodeWithAnnotations<?> declaration) {
        return jsonProperty(declaration).flatMap(annotation -> {
            if (annotation instanceof SingleMemberAnnotationExpr single && single.getMemberValue() instanceof StringLiteralExpr name) {
                return Optional.of(name.getValue());
            }
            if (annotation instanceof NormalAnnotationExpr normal) {
                return normal.getPairs().stream().filter(p -> p.getNameAsString().equals("value"))
                        .map(MemberValuePair::getValue).filter(StringLiteralExpr.class::isInstance)
                        .map(v -> ((StringLiteralExpr) v).getValue()).filter(v -> !v.isEmpty()).findFirst();
            }
            return Optional.empty();
        });
    }

    private boolean requiredByJackson(NodeWithAnnotations<?> declaration) {
        return jsonProperty(declaration).filter(a -> a instanceof NormalAnnotationExpr).map(a -> ((NormalAnnotationExpr) a).getPairs()
                .stream().anyMatch(p -> p.getNameAsString().equals("required") && p.getValue().toString().equals("true"))).orElse(false);
    }

    private Optional<AnnotationExpr> jsonProperty(NodeWithAnnotations<?> declaration) {
        return declaration.getAnnotations().stream().filter(a -> WrittenTypes.is(file, a.getNameAsString(), JSON_PROPERTY)).findFirst();
    }

    /** {@code Objects.requireNonNull(name, ...)} in one of the type's constructors (a record's compact one included). */
    private boolean checkedNonNull(TypeDeclaration<?> type, String name) {
        return type.getMembers().stream().filter(m -> m.isConstructorDeclaration() || m.isCompactConstructorDeclaration())
                .flatMap(m -> m.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("requireNonNull")).stream())
                .anyMatch(call -> call.getArguments().isNonEmpty() && isNamed(call.getArgument(0), name)
                        && call.getScope().map(s -> WrittenTypes.is(file, s.toString(), "java.util.Objects")).orElse(
                                WrittenTypes.staticallyImported(file, "java.util.Objects", "requireNonNull")));
    }

    private static boolean isNamed(com.github.javaparser.ast.expr.Expression argument, String name) {
        return argument instanceof NameExpr n && n.getNameAsString().equals(name)
                || argument.isFieldAccessExpr() && argument.asFieldAccessExpr().getScope().isThisExpr()
                && argument.asFieldAccessExpr().getNameAsString().equals(name);
    }
}
