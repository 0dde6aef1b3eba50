package dev.tenet.review.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The operations of GitHub's REST OpenAPI description (3.0, from {@code @octokit/openapi}) that
 * Tenet calls, to check request and response bodies against what GitHub documents.
 */
public final class GitHubOpenApi {
    static final String RESOURCE = "github-openapi/api.github.com.subset.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GitHubOpenApi INSTANCE = new GitHubOpenApi();

    /** One operation: its method, path template and the regex a concrete path matches. */
    public record Operation(String method, String template, Pattern pattern) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private GitHubOpenApi() {
        try (InputStream in = GitHubOpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            document = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            // {path} of the contents API spans folders; every other parameter is one segment.
            String regex = "\\Q" + path.getKey().replace("{path}", "\\E.+\\Q").replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            path.getValue().fieldNames().forEachRemaining(method -> operations.add(new Operation(method, path.getKey(), Pattern.compile(regex))));
        }
        // The document's own top-level keys are not schema keywords: declared so, they are skipped quietly.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance()).keywords(List.of(new NonValidationKeyword("openapi"),
                new NonValidationKeyword("info"), new NonValidationKeyword("paths"), new NonValidationKeyword("components"),
                new NonValidationKeyword("x-github-breaking-changes"), new NonValidationKeyword("operationId"))).build();
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
        config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).nullableKeywordEnabled(true).build();
    }

    public static GitHubOpenApi github() {
        return INSTANCE;
    }

    /** The operation a request is, when GitHub's description has it among the ones Tenet calls. */
    public Optional<Operation> operation(String method, String path) {
        return operations.stream().filter(op -> op.method().equalsIgnoreCase(method) && op.pattern().matcher(path).matches()).findFirst();
    }

    /** Problems of a request body, each as {@code $.json.path: message}; empty when it matches the operation's schema. */
    public List<String> checkRequest(Operation operation, JsonNode body) {
        return check(operation, "requestBody", body);
    }

    /** Problems of a response body served with {@code status}; empty when it matches (or the operation documents no body for it). */
    public List<String> checkResponse(Operation operation, int status, JsonNode body) {
        return check(operation, "responses/" + status, body);
    }

    /** Whether the operation documents a JSON body for {@code status} ({@code requestBody} for the request). */
    public boolean hasBody(Operation operation, String part) {
        return !at(operation, part).path("content").path("application/json").path("schema").isMissingNode();
    }

    /**
     * What is wrong with one exchange with the local GitHub server: its request body, and its response body when 2xx, against
     * the operation; a 2xx answer to an operation this description lacks is a problem too (the subset must grow).
     */
    public List<String> problems(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String path = request.getUrl().split("\\?")[0];
        int status = event.getResponse().getStatus();
        boolean success = status >= 200 && status < 300;
        Optional<Operation> found = operation(request.getMethod().getName(), path);
        if (found.isEmpty()) {
            return success ? List.of(request.getMethod() + " " + path + ": served " + status
                    + ", but GitHub's OpenAPI subset has no such operation (add it to review-bot/src/test/openapi/extract.py)") : List.of();
        }
        Operation operation = found.get();
        List<String> problems = new ArrayList<>();
        String sent = request.getBodyAsString();
        if (sent != null && !sent.isBlank()) {
            checkRequest(operation, parse(sent)).forEach(problem -> problems.add(operation + " request body " + problem));
        }
        String served = event.getResponse().getBodyAsString();
        if (success && served != null && !served.isBlank()) {
            if (hasBody(operation, "responses/" + status)) {
                checkResponse(operation, status, parse(served)).forEach(problem -> problems.add(operation + " response " + status + " body " + problem));
            } else {
                problems.add(operation + " response " + status + ": GitHub documents no JSON body for this status");
            }
        }
        return problems;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private List<String> check(Operation operation, String part, JsonNode body) {
        if (!hasBody(operation, part)) {
            return List.of();
        }
        String pointer = "/paths/" + escape(operation.template()) + "/" + operation.method() + "/" + part + "/content/application~1json/schema";
        JsonSchema schema = schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + p), config));
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(body)) {
            problems.add(message.getMessage());
        }
        return problems;
    }

    private JsonNode at(Operation operation, String part) {
        JsonNode node = document.path("paths").path(operation.template()).path(operation.method());
        for (String segment : part.split("/")) {
            node = node.path(segment);
        }
        return node;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
