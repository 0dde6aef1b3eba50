package dev.tenet.scaffold.spec;

import java.time.Duration;

/**
 * An optional partner HTTP API that the service reads from, behind timeouts and a circuit breaker.
 *
 * @param name           PascalCase name, e.g. {@code Certification}
 * @param baseUrl        the default base URL (overridable by configuration)
 * @param path           the GET path with one {@code {key}} placeholder
 * @param connectTimeout connection timeout
 * @param readTimeout    read timeout
 */
public record PartnerSpec(String name, String baseUrl, String path, Duration connectTimeout, Duration readTimeout) {
}
