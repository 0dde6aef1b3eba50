package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.FactEntry;
import dev.tenet.rules.engine.Project.TypeEntry;
import dev.tenet.rules.schema.EventShape;
import dev.tenet.rules.schema.FieldShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON shape of one of the codebase's own types, from the facts {@link EventFields} recorded:
 * each field's JSON type (an enum of the codebase is a string with its constants, one of its records
 * or classes an object), whether it is required, and the line it is declared on.
 */
final class CodeShapes {
    private static final Set<String> STRINGS = Set.of("String", "CharSequence", "char", "Character", "UUID", "Instant", "LocalDate",
            "LocalDateTime", "LocalTime", "OffsetDateTime", "ZonedDateTime", "OffsetTime", "Duration", "Period", "URI", "URL",
            "Currency", "ZoneId", "byte[]", "YearMonth", "Year");
    private static final Set<String> INTEGERS = Set.of("int", "long", "short", "byte", "Integer", "Long", "Short", "Byte", "BigInteger");
    private static final Set<String> NUMBERS = Set.of("double", "float", "Double", "Float", "BigDecimal");
    private static final Set<String> BOOLEANS = Set.of("boolean", "Boolean");
    private static final Set<String> ARRAYS = Set.of("List", "Set", "Collection", "Iterable", "SortedSet", "Queue", "Deque");
    private static final Set<String> OBJECTS = Set.of("Map", "SortedMap", "JsonNode", "ObjectNode");

    private final Project project;
    private final Map<String, List<FactEntry>> bySubject = new HashMap<>();

    CodeShapes(Project project, String checkId) {
        this.project = project;
        for (FactEntry fact : project.whole().facts(checkId)) {
            bySubject.computeIfAbsent(fact.fact().kind() + "|" + fact.fact().subject(), k -> new ArrayList<>()).add(fact);
        }
    }

    /** The line the type is declared on (its name), or its first line. */
    int line(TypeEntry type) {
        return facts(EventFields.TYPE, type.type().fqn()).stream().map(f -> f.fact().line()).findFirst().orElse(type.type().startLine());
    }

    EventShape of(TypeEntry type) {
        List<FieldShape> fields = new ArrayList<>();
        for (FactEntry fact : facts(EventFields.FIELD, type.type().fqn())) {
            String[] parts = fact.fact().detail().split("\t", -1);
            String written = parts[1];
            boolean optional = written.equals("Optional") || written.equals("java.util.Optional");
            String effective = optional ? parts[2] : written;
            Optional<TypeEntry> own = project.resolve(fact.file(), effective);
            String json = own.map(t -> t.type().kind().equals("enum") ? "string" : "object").orElseGet(() -> jdkType(effective));
            List<String> constants = own.filter(t -> t.type().kind().equals("enum"))
                    .map(t -> facts(EventFields.CONSTANT, t.type().fqn()).stream().map(f -> f.fact().detail()).toList()).orElse(null);
            fields.add(new FieldShape(parts[0], json, !optional && Boolean.parseBoolean(parts[3]), constants, fact.fact().line()));
        }
        return EventShape.of(fields);
    }

    private List<FactEntry> facts(String kind, String subject) {
        return bySubject.getOrDefault(kind + "|" + subject, List.of());
    }

    /** The JSON type of a JDK type as written; {@code null} when Tenet cannot tell how it is serialized. */
    private static String jdkType(String written) {
        String name = written.endsWith("[]") && !written.equals("byte[]") ? "List" : written.substring(written.lastIndexOf('.') + 1);
        if (written.contains(".") && !written.startsWith("java.")) {
            return null;
        }
        if (STRINGS.contains(name)) {
            return "string";
        }
        if (INTEGERS.contains(name)) {
            return "integer";
        }
        if (NUMBERS.contains(name)) {
            return "number";
        }
        if (BOOLEANS.contains(name)) {
            return "boolean";
        }
        if (ARRAYS.contains(name)) {
            return "array";
        }
        return OBJECTS.contains(name) ? "object" : null;
    }
}
