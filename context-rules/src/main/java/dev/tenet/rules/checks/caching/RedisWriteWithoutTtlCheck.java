package dev.tenet.rules.checks.caching;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.tenet.rules.checks.resilience.SourceEvidence;
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.ScanSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Redis write that creates a key sets an expiry: with the write itself (a timeout argument,
 * {@code SET ... EX}) or by an {@code expire} on the key in the same method, a helper it calls,
 * or anywhere in the class for the same key expression.
 */
public final class RedisWriteWithoutTtlCheck implements Check {
    public static final String ID = "redis-write-without-ttl";
    private static final Set<String> EXPIRE = Set.of("expire", "expireAt", "pexpire", "pexpireAt", "expireAsync");
    private static final SourceEvidence EXPIRES = SourceEvidence.ofCalls(EXPIRE::contains);
    private static final SourceEvidence TTL_ARGUMENT = SourceEvidence.ofCalls(Set.of("ex", "px", "exAt", "pxAt", "keepttl", "keepTtl")::contains);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.anyWord("edis", "Operations");
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            Expression root = JavaFile.chainRoot(call);
            if (root == call) {
                continue;
            }
            List<MethodCallExpr> chain = chainOf(call);
            Optional<RedisWrite> write = RedisWrite.of(JavaFile.simpleName(file.typeOf(root)), chain);
            if (write.isEmpty() || write.get().call() != call || withTtl(write.get()) || expiresNearby(write.get())) {
                continue;
            }
            String text = JavaFile.shortText(root) + "." + String.join("().", JavaFile.chainNames(call)) + "()";
            sink.hit(call, "Redis write " + text + " creates a key with no expiry, so such keys pile up in memory forever "
                    + "and keep serving stale values after a missed invalidation", write.get().valueWrite()
                    ? "Pass the TTL with the write (set(key, value, Duration.ofHours(1)), SET with EX) or call expire(key, ttl) right after it."
                    : "Call expire(key, ttl) right after the write (in the same pipeline or MULTI when it must be atomic).");
        }
    }

    /** The calls of a chain from its root outwards: {@code a.b().c()} gives {@code [b(), c()]}. */
    private static List<MethodCallExpr> chainOf(MethodCallExpr call) {
        List<MethodCallExpr> chain = new ArrayList<>();
        Expression current = call;
        while (current instanceof MethodCallExpr mce) {
            chain.add(0, mce);
            current = mce.getScope().orElse(null);
        }
        return chain;
    }

    /** A raw client's {@code set(key, value, params)}: the params carry a TTL, or cannot be seen from here. */
    private static boolean withTtl(RedisWrite write) {
        Expression params = write.ttlParameters();
        if (params == null) {
            return false;
        }
        // a SetParams handed in from elsewhere may well carry the TTL: only judge what this method builds
        boolean builtHere = !(params instanceof NameExpr name) || params.findAncestor(CallableDeclaration.class)
                .flatMap(c -> ((Node) c).findFirst(VariableDeclarator.class, v -> v.getNameAsString().equals(name.getNameAsString())))
                .isPresent();
        return !builtHere || TTL_ARGUMENT.in(params);
    }

    private static boolean expiresNearby(RedisWrite write) {
        MethodCallExpr call = write.call();
        Optional<CallableDeclaration> method = call.findAncestor(CallableDeclaration.class);
        if (method.isPresent() && EXPIRES.in(method.get())) {
            return true;
        }
        String key = write.key() == null ? null : write.key().toString();
        Optional<TypeDeclaration> type = call.findAncestor(TypeDeclaration.class);
        return key != null && type.isPresent() && ((Node) type.get()).findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> EXPIRE.contains(c.getNameAsString()) && !c.getArguments().isEmpty()
                        && c.getArgument(0).toString().equals(key));
    }
}
