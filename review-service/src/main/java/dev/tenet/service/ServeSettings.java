package dev.tenet.service;

import dev.tenet.mcp.http.HttpOptions;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.review.feedback.RatingStore;
import dev.tenet.rules.cache.ScanCache;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code tenet serve} was started with.
 *
 * @param http      where to listen and how MCP clients are checked
 * @param workspace the workspace the MCP tools work in
 * @param cache     the engine's scan cache
 * @param github    the GitHub App behind the webhook; empty serves MCP alone ({@code /webhooks/github} is then not mapped)
 * @param ratings   where the precision loop keeps the ratings of Tenet's review comments (with the webhook only)
 */
public record ServeSettings(HttpOptions http, Workspace workspace, ScanCache cache, Optional<GitHubAppSettings> github,
        Optional<RatingStore> ratings) {
    public ServeSettings {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(github, "github");
        Objects.requireNonNull(ratings, "ratings");
    }
}
