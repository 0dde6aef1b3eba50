package dev.tenet.rules.engine;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.effects.MethodEffects;
import dev.tenet.rules.effects.SqlStatements;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.EffectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the effects of framework calls from the effect model ({@code tenet/effects.yml}): the chain's
 * root is resolved to a fully qualified type through the file's imports, then each call of the chain
 * is looked up on the type the previous one returned. A receiver that does not resolve has no effect.
 * Calls into the codebase's own types (repositories, Feign clients, {@code @Async} methods, a team's
 * declared wrappers) are judged later, in the call graph.
 */
final class EffectClassifier {
    private static final Set<String> UNSAFE_VERBS = Set.of("POST", "PATCH");
    private static final Set<String> HTTP_VERBS = Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE");
    private static final int MAX_VAR_HOPS = 3;

    private final EffectModel model;

    EffectClassifier(EffectModel model) {
        this.model = model;
    }

    /** Effects of one outermost call of a chain ({@code a.b().c()} is classified once, for every call in it). */
    List<EffectRef> classify(JavaFile file, MethodCallExpr call, boolean decidesExit) {
        List<MethodCallExpr> chain = chainCalls(call);
        MethodCallExpr innermost = chain.get(0);
        String type;
        if (innermost.getScope().isEmpty()) {
            type = file.staticImportOwner(innermost.getNameAsString(), model);
        } else {
            type = rootType(file, innermost.getScope().get(), 0);
        }
        if (type == null) {
            return List.of();
        }
        List<EffectRef> effects = new ArrayList<>();
        int line = call.getBegin().map(p -> p.line).orElse(1);
        int column = call.getBegin().map(p -> p.column).orElse(0);
        String detail = detail(call);
        String verb = null;
        for (MethodCallExpr link : chain) {
            Optional<MethodEffects> found = model.lookup(type, link.getNameAsString(), link.getArguments().size());
            if (found.isEmpty()) {
                break;
            }
            MethodEffects spec = found.get();
            verb = spec.verb() != null ? spec.verb() : verb;
            for (String name : spec.effects()) {
                for (Effect effect : effectsOf(name, file, chain, link, verb, decidesExit)) {
                    effects.add(new EffectRef(effect, line, column, detail));
                }
            }
            if (spec.returns() == null) {
                break;
            }
            type = spec.returns();
        }
        return effects;
    }

    /** Effects of a method reference such as {@code producer::send}, with any arity. */
    List<EffectRef> classify(JavaFile file, MethodReferenceExpr reference) {
        Expression scope = reference.getScope();
        String written = file.typeOf(scope);
        String type = file.frameworkType(written != null ? written : scope instanceof TypeExpr t ? JavaFile.erasure(t.getType()) : null, model);
        if (type == null) {
            return List.of();
        }
        int line = reference.getBegin().map(p -> p.line).orElse(1);
        int column = reference.getBegin().map(p -> p.column).orElse(0);
        String detail = JavaFile.shortText(scope) + "::" + reference.getIdentifier();
        List<EffectRef> effects = new ArrayList<>();
        model.lookup(type, reference.getIdentifier(), -1).ifPresent(spec -> {
            for (String name : spec.effects()) {
                for (Effect effect : EffectNames.of(name, false)) {
                    effects.add(new EffectRef(effect, line, column, detail));
                }
            }
        });
        return effects;
    }

    private String rootType(JavaFile file, Expression root, int hops) {
        String written = file.typeOf(root);
        String type = file.frameworkType(written, model);
        if (type == null && root instanceof FieldAccessExpr access) {
            // An enum constant: TimeUnit.SECONDS.sleep(1) is a call on TimeUnit.
            type = file.frameworkType(JavaFile.shortText(access.getScope()), model);
        }
        if (type == null && written == null && root instanceof NameExpr name && hops < MAX_VAR_HOPS) {
            type = file.varInitializer(root, name.getNameAsString()).map(init -> typeOfExpression(file, init, hops + 1)).orElse(null);
        }
        return type;
    }

    /** The framework type of an expression as far as the model can tell ({@code redis.opsForValue()} is a ValueOperations), else {@code null}. */
    String typeOf(JavaFile file, Expression expression) {
        return typeOfExpression(file, expression, 0);
    }

    EffectModel model() {
        return model;
    }

    private String typeOfExpression(JavaFile file, Expression expression, int hops) {
        if (!(expression instanceof MethodCallExpr call)) {
            return rootType(file, expression, hops);
        }
        List<MethodCallExpr> chain = chainCalls(call);
        String type = chain.get(0).getScope().map(scope -> rootType(file, scope, hops)).orElse(null);
        for (MethodCallExpr link : chain) {
            if (type == null) {
                return null;
            }
            type = model.lookup(type, link.getNameAsString(), link.getArguments().size()).map(MethodEffects::returns).orElse(null);
        }
        return type;
    }

    private static List<Effect> effectsOf(String name, JavaFile file, List<MethodCallExpr> chain, MethodCallExpr call, String verb,
                                          boolean decidesExit) {
        return switch (name) {
            case "db-update", "db-sql" -> sqlEffects(name, sqlOf(file, chain), decidesExit);
            case "http" -> httpEffects(verb != null ? verb : verbArgument(call));
            default -> EffectNames.of(name, decidesExit);
        };
    }

    private static List<Effect> httpEffects(String verb) {
        return verb != null && UNSAFE_VERBS.contains(verb) ? List.of(Effect.HTTP_CALL, Effect.HTTP_UNSAFE) : List.of(Effect.HTTP_CALL);
    }

    private static List<Effect> sqlEffects(String name, String sql, boolean decidesExit) {
        SqlStatements.Kind kind = SqlStatements.classify(sql);
        List<Effect> effects = new ArrayList<>();
        switch (kind) {
            case READ -> {
                return List.of();
            }
            case IDEMPOTENT_WRITE -> effects.add(Effect.DB_UPSERT);
            case WRITE -> effects.add(Effect.DB_WRITE);
            case UNKNOWN -> {
                if (name.equals("db-sql")) {
                    return List.of();
                }
                effects.add(Effect.DB_WRITE);
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return decidesExit ? EffectNames.guarded(effects) : effects;
    }

    /** {@code HttpMethod.POST} among a call's arguments. */
    private static String verbArgument(MethodCallExpr call) {
        for (Expression argument : call.getArguments()) {
            if (argument instanceof FieldAccessExpr access && HTTP_VERBS.contains(access.getNameAsString())
                    && JavaFile.shortText(access.getScope()).endsWith("HttpMethod")) {
                return access.getNameAsString();
            }
        }
        return null;
    }

    /** The SQL given to a chain: the first string literal or same-type constant among its calls' first arguments. */
    private static String sqlOf(JavaFile file, List<MethodCallExpr> chain) {
        for (MethodCallExpr link : chain) {
            if (link.getArguments().isEmpty()) {
                continue;
            }
            String text = textOf(file, link.getArgument(0));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String textOf(JavaFile file, Expression argument) {
        if (argument instanceof StringLiteralExpr s) {
            return s.getValue();
        }
        if (argument instanceof TextBlockLiteralExpr t) {
            return t.getValue();
        }
        if (argument instanceof NameExpr n) {
            return constantText(file, n);
        }
        if (argument instanceof com.github.javaparser.ast.expr.BinaryExpr binary) {
            String left = textOf(file, binary.getLeft());
            return left == null ? null : left + " " + java.util.Objects.requireNonNullElse(textOf(file, binary.getRight()), "?");
        }
        return null;
    }

    /** The text of a same-type constant initialised with a literal (SQL is usually kept in one). */
    private static String constantText(JavaFile file, NameExpr name) {
        return file.enclosingType(name).flatMap(type -> file.field(type, name.getNameAsString()))
                .flatMap(variable -> variable.getInitializer())
                .map(init -> textOf(file, init))
                .orElse(null);
    }

    /** The calls of a chain from the innermost outwards: {@code [get, uri, retrieve]} for {@code client.get().uri(u).retrieve()}. */
    static List<MethodCallExpr> chainCalls(MethodCallExpr call) {
        List<MethodCallExpr> calls = new ArrayList<>();
        Expression current = call;
        while (current instanceof MethodCallExpr mce) {
            calls.add(0, mce);
            current = mce.getScope().orElse(null);
        }
        return calls;
    }

    private static String detail(MethodCallExpr call) {
        Expression root = JavaFile.chainRoot(call);
        String rootText = root == call ? "" : JavaFile.shortText(root);
        return (rootText.isEmpty() ? "" : rootText + ".") + String.join("().", JavaFile.chainNames(call)) + "()";
    }
}
