package dev.tenet.rules.checks.layering;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project.FactEntry;
import dev.tenet.rules.engine.ScanSink;
import java.util.Map;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.TypeEntry;
import dev.tenet.rules.model.MethodModel;
import dev.tenet.rules.model.TypeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST handler returns a response DTO, never a persistence entity of the codebase — neither
 * directly nor inside {@code ResponseEntity}, a collection, {@code Optional}, {@code Page},
 * {@code Mono}/{@code Flux} or any other generic wrapper.
 */
public final class ControllerReturnsDtoCheck implements Check {
    public static final String ID = "controller-returns-dto";
    private static final String BODY_CALL = "body-call";
    private static final Set<String> MAPPINGS = Set.of("GetMapping", "PostMapping", "PutMapping", "PatchMapping", "DeleteMapping",
            "RequestMapping");
    private static final Set<String> PERSISTENCE = Set.of("Entity", "Table", "Document", "Embeddable");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*");
    private static final Set<String> NOT_TYPES = Set.of("extends", "super");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.anyWord("Controller");
    }

    /**
     * Phase one: a handler declared to return {@code ResponseEntity<?>} (or a raw one, or {@code Object}) says nothing
     * in its signature; what it puts in the body does. Records the call whose result becomes the body
     * ({@code ResponseEntity.ok(service.find(id))}, {@code ...body(service.save(x))}).
     */
    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (MethodDeclaration method : file.all(MethodDeclaration.class)) {
            String declared = method.getType().asString();
            boolean opaque = declared.equals("ResponseEntity<?>") || declared.equals("ResponseEntity") || declared.equals("Object");
            if (!opaque || method.getAnnotations().stream().noneMatch(a -> MAPPINGS.contains(JavaFile.simpleName(a.getNameAsString())))) {
                continue;
            }
            for (ReturnStmt ret : method.findAll(ReturnStmt.class)) {
                ret.getExpression().flatMap(ControllerReturnsDtoCheck::body).ifPresent(call -> {
                    String receiver = call.getScope().map(file::typeOf).orElse(null);
                    if (receiver != null) {
                        sink.fact(BODY_CALL, receiver + "#" + call.getNameAsString(), String.valueOf(call.getArguments().size()), ret);
                    }
                });
            }
        }
    }

    /** The call whose result a response carries: the argument of {@code ok(..)}, {@code body(..)} or {@code new ResponseEntity<>(..)}. */
    private static Optional<MethodCallExpr> body(Expression returned) {
        Expression argument = null;
        if (returned instanceof MethodCallExpr call && Set.of("ok", "body", "of").contains(call.getNameAsString())
                && call.getArguments().size() == 1) {
            argument = call.getArgument(0);
        } else if (returned instanceof ObjectCreationExpr creation && JavaFile.erasure(creation.getType()).equals("ResponseEntity")
                && !creation.getArguments().isEmpty()) {
            argument = creation.getArgument(0);
        }
        return argument instanceof MethodCallExpr call ? Optional.of(call) : Optional.empty();
    }

    @Override
    public void finish(Project project, HitSink sink) {
        for (FactEntry fact : project.facts(ID)) {
            String[] target = fact.fact().subject().split("#");
            int argCount = Integer.parseInt(fact.fact().detail());
            project.resolve(fact.file(), target[0]).ifPresent(owner -> project.methodsOf(owner.type()).stream()
                    .filter(m -> m.method().name().equals(target[1]) && m.method().parameterTypes().size() == argCount).findFirst()
                    .flatMap(callee -> exposedEntity(project, new TypeEntry(callee.file(), callee.type()), callee.method().returnType())
                            .map(entity -> Map.entry(callee, entity)))
                    .ifPresent(found -> sink.hit(fact.file().path(), fact.fact().line(), fact.fact().line(),
                            "Handler " + fact.fact().owner() + " puts the persistence entity " + found.getValue() + " (from "
                                    + found.getKey().label() + ", returning " + found.getKey().method().returnType()
                                    + ") in its response body, so the API exposes the table schema, can trigger lazy loading while "
                                    + "serialising, and breaks when a column changes",
                            "Return a response DTO (a record) mapped from " + found.getValue() + " in the use case or the controller.",
                            fact.fact().owner() + " body " + found.getValue())));
        }
        declaredReturns(project, sink);
    }

    private static void declaredReturns(Project project, HitSink sink) {
        for (TypeEntry controller : project.types()) {
            TypeModel type = controller.type();
            boolean rest = type.hasAnnotation("RestController") || type.hasAnnotation("Controller") && type.hasAnnotation("ResponseBody");
            if (!rest && !type.hasAnnotation("Controller")) {
                continue;
            }
            for (MethodModel method : type.methods()) {
                boolean handler = method.annotations().stream().anyMatch(a -> MAPPINGS.contains(a.simpleName()));
                if (handler && (rest || method.hasAnnotation("ResponseBody"))) {
                    exposedEntity(project, controller, method.returnType()).ifPresent(entity -> sink.hit(controller.file().path(),
                            method.startLine(), method.startLine(),
                            "Handler " + type.simpleName() + "#" + method.name() + " returns the persistence entity " + entity
                                    + " (" + method.returnType() + "), so the API exposes the table schema, can trigger lazy loading "
                                    + "while serialising, and breaks when a column changes",
                            "Return a response DTO (a record) mapped from " + entity + " in the use case or the controller.",
                            type.simpleName() + "#" + method.name() + " returns " + entity));
                }
            }
        }
    }

    /** The first persistence entity among the types named in a return type as written, generic arguments included. */
    private static Optional<String> exposedEntity(Project project, TypeEntry controller, String returnType) {
        for (String name : typeNames(returnType)) {
            Optional<TypeEntry> own = project.resolve(controller.file(), name);
            if (own.isPresent() && own.get().type().annotations().stream().anyMatch(a -> PERSISTENCE.contains(a.simpleName()))) {
                return Optional.of(own.get().type().simpleName());
            }
        }
        return Optional.empty();
    }

    /** {@code ResponseEntity<List<? extends Order>>} gives {@code [ResponseEntity, List, Order]}. */
    static List<String> typeNames(String returnType) {
        List<String> names = new ArrayList<>();
        Matcher matcher = TYPE_NAME.matcher(returnType.replaceAll("@[\\w.]+(\\([^)]*\\))?", " "));
        while (matcher.find()) {
            if (!NOT_TYPES.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names;
    }
}
