package dev.tenet.rules.checks.resilience;

import dev.tenet.rules.engine.JavaFile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP client types and the types that configure them (builders, customizers, request
 * factories, connectors, settings), under one normalized name each.
 */
final class HttpClientTypes {
    /** Clients whose calls the engine classifies as HTTP calls. */
    static final Set<String> CLIENTS = Set.of("RestTemplate", "RestClient", "WebClient", "HttpClient");
    /** Builders Spring Boot auto-configures: without timeout properties or customizers they set no timeouts. */
    static final Set<String> AUTO_BUILDERS = Set.of("RestTemplateBuilder", "RestClient.Builder", "WebClient.Builder");
    static final Set<String> KNOWN = Set.of("RestTemplate", "RestClient", "WebClient", "HttpClient", "HttpClient.Builder",
            "RestTemplateBuilder", "RestClient.Builder", "WebClient.Builder", "RestTemplateCustomizer", "RestClientCustomizer",
            "WebClientCustomizer", "ClientHttpRequestFactory", "ClientHttpConnector", "ClientHttpRequestFactorySettings",
            "HttpClientSettings", "ClientHttpRequestFactoryBuilder", "CloseableHttpClient", "HttpClientBuilder");
    /** A configured customizer or settings bean configures the builders Spring Boot hands out. */
    static final Map<String, List<String>> CONFIGURES = Map.of(
            "RestTemplateCustomizer", List.of("RestTemplateBuilder"),
            "RestClientCustomizer", List.of("RestClient.Builder"),
            "WebClientCustomizer", List.of("WebClient.Builder"),
            "ClientHttpConnector", List.of("WebClient.Builder"),
            "ClientHttpRequestFactorySettings", List.of("RestTemplateBuilder", "RestClient.Builder"),
            "HttpClientSettings", List.of("RestTemplateBuilder", "RestClient.Builder"),
            "ClientHttpRequestFactoryBuilder", List.of("RestTemplateBuilder", "RestClient.Builder"));
    /** Static factory methods that build a client or builder from scratch. */
    static final Set<String> FACTORY_METHODS = Set.of("create", "builder", "newHttpClient", "newBuilder", "custom", "createDefault");

    private HttpClientTypes() {
    }

    /**
     * The normalized name of a type as written in a file: {@code RestOperations} is {@code RestTemplate},
     * every request factory is {@code ClientHttpRequestFactory}, {@code Builder} imported from
     * {@code RestClient} is {@code RestClient.Builder}.
     */
    static String normalize(JavaFile file, String written) {
        if (written == null) {
            return "";
        }
        String qualified = file.qualify(written);
        String[] parts = qualified.split("\\.");
        String simple = parts[parts.length - 1];
        if (simple.equals("Builder") && parts.length >= 2) {
            return parts[parts.length - 2] + ".Builder";
        }
        if (simple.equals("RestOperations")) {
            return "RestTemplate";
        }
        if (simple.endsWith("ClientHttpRequestFactory")) {
            return "ClientHttpRequestFactory";
        }
        if (simple.endsWith("ClientHttpConnector")) {
            return "ClientHttpConnector";
        }
        return simple;
    }
}
