package dev.tenet.rules.checks.layering;

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
    public void finish(Project project, HitSink sink) {
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
