package dev.tenet.rules.checks.resilience;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.ScanSink;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.EffectRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An HTTP call to a partner API has a timeout or a circuit breaker. Phase one records where the
 * codebase builds clients (with or without timeouts) and where each call's client comes from;
 * phase two judges each HTTP call the engine classified against what the whole codebase configures.
 */
public final class HttpNoTimeoutCheck implements Check {
    public static final String ID = "http-no-timeout";
    static final String CALL = "call";
    private static final Pattern TIMEOUT_NAME = Pattern.compile("(?i).*timeout.*");
    static final SourceEvidence TIMEOUT = SourceEvidence.of(node -> node instanceof MethodCallExpr call
            && TIMEOUT_NAME.matcher(call.getNameAsString()).matches()
            || node instanceof NameExpr name && name.getNameAsString().contains("TIMEOUT")
            || node instanceof ObjectCreationExpr creation && creation.getType().getNameAsString().endsWith("TimeoutHandler"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.anyWord("RestTemplate", "RestClient", "WebClient", "HttpClient", "ClientHttp");
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (MethodDeclaration method : file.all(MethodDeclaration.class)) {
            String type = HttpClientTypes.normalize(file, JavaFile.erasure(method.getType()));
            if (!HttpClientTypes.KNOWN.contains(type)) {
                continue;
            }
            boolean bean = method.getAnnotationByName("Bean").isPresent();
            boolean timeouts = method.getBody().isPresent() && TIMEOUT.in(method);
            if (bean || timeouts) {
                List<String> inputs = method.getParameters().stream()
                        .map(p -> HttpClientTypes.normalize(file, JavaFile.erasure(p.getType())))
                        .filter(HttpClientTypes.KNOWN::contains).toList();
                sink.fact(ConfiguredClients.BUILDER, type, (bean ? ConfiguredClients.BEAN : "factory") + "|"
                        + (timeouts ? ConfiguredClients.TIMEOUTS : "none") + "|" + String.join(",", inputs), method.getName());
            }
        }
        for (MethodCallExpr call : file.all(MethodCallExpr.class, HttpNoTimeoutCheck::isOutermostOfChain)) {
            String client = HttpClientTypes.normalize(file, file.typeOf(JavaFile.chainRoot(call)));
            if (HttpClientTypes.CLIENTS.contains(client) && !boundedHere(client, call)) {
                ClientOrigins.of(file, call).ifPresent(origin -> sink.fact(CALL, client, origin.encode(), call));
            }
        }
    }

    /** A timeout on the call itself or where its client and request are set up in this file; for WebClient, anywhere on its reactive chain in the method. */
    private static boolean boundedHere(String client, MethodCallExpr call) {
        if (TIMEOUT.in(call)) {
            return true;
        }
        Optional<CallableDeclaration> method = call.findAncestor(CallableDeclaration.class);
        return client.equals("WebClient") && method.isPresent() && method.get().findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> c.getNameAsString().equals("timeout") || c.getNameAsString().equals("block") && c.getArguments().size() == 1);
    }

    private static boolean isOutermostOfChain(MethodCallExpr call) {
        return call.getParentNode().filter(p -> p instanceof MethodCallExpr parent && parent.getScope().filter(s -> s == call).isPresent())
                .isEmpty();
    }

    @Override
    public void finish(Project project, HitSink sink) {
        Map<String, Project.FactEntry> calls = new HashMap<>();
        for (Project.FactEntry entry : project.facts(ID)) {
            if (entry.fact().kind().equals(CALL)) {
                calls.putIfAbsent(entry.file().path() + ":" + entry.fact().line(), entry);
            }
        }
        if (calls.isEmpty()) {
            return;
        }
        ConfiguredClients clients = new ConfiguredClients(project, ID);
        CircuitBreakerGuard guard = new CircuitBreakerGuard(project);
        for (Project.MethodEntry method : project.methods()) {
            for (EffectRef effect : method.method().effects()) {
                Project.FactEntry call = effect.effect() == Effect.HTTP_CALL ? calls.get(method.file().path() + ":" + effect.line()) : null;
                if (call != null) {
                    String client = call.fact().subject();
                    unbounded(clients, client, ClientProvenance.decode(call.fact().detail()), call.file().path())
                            .filter(reason -> !guard.guards(method))
                            .ifPresent(reason -> report(method, effect, client, reason, sink));
                }
            }
        }
    }

    private static void report(Project.MethodEntry method, EffectRef effect, String client, String reason, HitSink sink) {
        sink.hitAt(method.file().path(), effect.line(), effect.column(),
                "Partner call " + effect.detail() + " has no timeout and no circuit breaker: its " + client + " " + reason
                        + ", so a slow partner blocks the calling thread (a request, or a consumer and its partition) with no upper bound",
                "Set connect and read timeouts where the " + client + " is built (e.g. RestTemplateBuilder.connectTimeout/readTimeout "
                        + "in an @Bean) and guard partner calls with a Resilience4j @CircuitBreaker.",
                method.label() + " " + effect.detail());
    }

    /** Why the client of a call has no timeout, or empty when it has one or the codebase cannot tell. */
    private static Optional<String> unbounded(ConfiguredClients clients, String client, ClientProvenance origin, String path) {
        return switch (origin.kind()) {
            case BUILT -> Optional.of("is built without timeouts (" + origin.text() + ")");
            case INJECTED -> clients.onlyUnconfiguredBeans(client)
                    ? Optional.of("bean (" + clients.nearestUnconfiguredBean(client, path) + ") is built without timeouts")
                    : Optional.empty();
            case FROM -> fromInputs(clients, origin, path);
        };
    }

    private static Optional<String> fromInputs(ConfiguredClients clients, ClientProvenance origin, String path) {
        if (origin.inputs().stream().anyMatch(clients::configured)) {
            return Optional.empty();
        }
        for (String input : origin.inputs()) {
            if (clients.onlyUnconfiguredBeans(input)) {
                return Optional.of("is built from the " + input + " bean (" + clients.nearestUnconfiguredBean(input, path)
                        + ") that sets no timeouts");
            }
            if (HttpClientTypes.AUTO_BUILDERS.contains(input)) {
                return Optional.of("is built from Spring Boot's " + input + " with no timeout set (" + origin.text()
                        + ") and no spring.http.client timeout property");
            }
        }
        return Optional.empty();
    }
}
