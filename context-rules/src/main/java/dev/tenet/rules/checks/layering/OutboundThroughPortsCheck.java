package dev.tenet.rules.checks.layering;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.Type;
import dev.tenet.rules.config.Layer;
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.ScanSink;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.EffectRef;
import dev.tenet.rules.model.FileModel;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Application and domain code reach outbound systems (HTTP, Kafka, Redis, the database) through
 * port interfaces, not by holding a framework client or calling it in their own methods. Reports
 * once per class and client type: at the field (or parameter) of the client, else at the first call.
 */
public final class OutboundThroughPortsCheck implements Check {
    public static final String ID = "outbound-through-ports";
    private static final String CLIENT = "client";
    static final Map<String, Effect> CLIENTS = Map.ofEntries(Map.entry("RestTemplate", Effect.HTTP_CALL),
            Map.entry("RestClient", Effect.HTTP_CALL), Map.entry("WebClient", Effect.HTTP_CALL), Map.entry("HttpClient", Effect.HTTP_CALL),
            Map.entry("KafkaTemplate", Effect.KAFKA_SEND), Map.entry("JdbcTemplate", Effect.DB_WRITE),
            Map.entry("NamedParameterJdbcTemplate", Effect.DB_WRITE), Map.entry("EntityManager", Effect.DB_WRITE),
            Map.entry("RedisTemplate", Effect.REDIS_WRITE), Map.entry("StringRedisTemplate", Effect.REDIS_WRITE));
    private static final Map<Effect, String> OUTBOUND = Map.of(Effect.HTTP_CALL, "an HTTP call", Effect.KAFKA_SEND, "a Kafka send",
            Effect.REDIS_WRITE, "a Redis write", Effect.DB_WRITE, "a database write");
    private static final Set<String> WIRING = Set.of("Configuration", "AutoConfiguration", "TestConfiguration");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean usesLayers() {
        return true;
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.anyWord(CLIENTS.keySet());
    }

    /** Records fields and parameters typed as an outbound client; whether they matter depends on the layer (phase two). */
    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (FieldDeclaration field : file.all(FieldDeclaration.class)) {
            field.getVariables().forEach(v -> record(file, v.getType(), field, sink));
        }
        for (Parameter parameter : file.all(Parameter.class)) {
            boolean local = parameter.getParentNode().filter(p -> p instanceof LambdaExpr || p instanceof CatchClause).isPresent();
            boolean beanFactory = parameter.findAncestor(CallableDeclaration.class)
                    .filter(c -> c.getAnnotationByName("Bean").isPresent()).isPresent();
            if (!local && !beanFactory) {
                record(file, parameter.getType(), parameter, sink);
            }
        }
    }

    private static void record(JavaFile file, Type type, Node declaration, ScanSink sink) {
        String written = JavaFile.erasure(type);
        Optional<TypeDeclaration<?>> owner = file.enclosingType(declaration);
        if (!CLIENTS.containsKey(JavaFile.simpleName(written)) || owner.isEmpty()
                || owner.get().getAnnotations().stream().anyMatch(a -> WIRING.contains(JavaFile.simpleName(a.getNameAsString())))) {
            return;
        }
        sink.fact(CLIENT, written, owner.get().getNameAsString(), type);
    }

    @Override
    public void finish(Project project, HitSink sink) {
        Set<String> reported = new HashSet<>();
        project.facts(ID).stream().sorted((a, b) -> Integer.compare(a.fact().line(), b.fact().line())).forEach(entry -> {
            FileModel file = entry.file();
            String written = entry.fact().subject();
            String client = JavaFile.simpleName(written);
            Optional<Layer> layer = innerLayer(project, file);
            if (layer.isEmpty() || project.resolve(file, written).isPresent()
                    || !reported.add(file.path() + "|" + entry.fact().detail() + "|" + CLIENTS.get(client))) {
                return;
            }
            sink.hit(file.path(), entry.fact().line(), entry.fact().line(),
                    "The " + layer.get().key() + " class " + entry.fact().detail() + " holds a " + client
                            + " and talks to the outside world itself, so the use case is tied to that technology and cannot be tested without it",
                    fixHint(client), entry.fact().detail() + " " + client);
        });
        for (Project.MethodEntry method : project.methods()) {
            Optional<Layer> layer = innerLayer(project, method.file());
            if (layer.isEmpty() || method.type().annotations().stream().anyMatch(a -> WIRING.contains(a.simpleName()))) {
                continue;
            }
            for (EffectRef effect : method.method().effects()) {
                String key = method.file().path() + "|" + method.type().simpleName() + "|" + effect.effect();
                if (OUTBOUND.containsKey(effect.effect()) && reported.add(key)) {
                    sink.hitAt(method.file().path(), effect.line(), effect.column(),
                            "The " + layer.get().key() + " method " + method.label() + " makes " + OUTBOUND.get(effect.effect())
                                    + " itself (" + effect.detail() + "), so the use case is tied to that technology and cannot be tested without it",
                            fixHint(null), method.label() + " " + effect.detail());
                }
            }
        }
    }

    private static Optional<Layer> innerLayer(Project project, FileModel file) {
        return project.layerOf(file).filter(l -> l == Layer.APPLICATION || l == Layer.DOMAIN);
    }

    private static String fixHint(String client) {
        String what = client == null ? "that call" : "the " + client;
        return "Declare a port interface (e.g. PartnerGateway, ProgressPublisher) in the application layer, implement it with "
                + what + " in an adapter, and inject the port.";
    }
}
