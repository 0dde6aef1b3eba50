package dev.tenet.review.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.rules.TenetInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pull request a review is published to, from the options or, in GitHub Actions, from
 * {@code GITHUB_REPOSITORY} and the event payload at {@code GITHUB_EVENT_PATH}.
 */
public record PullRequestRef(String owner, String name, int number) {
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    public String fullName() {
        return owner + "/" + name;
    }

    @Override
    public String toString() {
        return fullName() + "#" + number;
    }

    /**
     * @param repository {@code owner/name}, or null to read {@code GITHUB_REPOSITORY}
     * @param number     the pull request number, or null to read it from the event at {@code GITHUB_EVENT_PATH}
     * @param env        the environment
     * @throws TenetInputException naming the option or variable that is missing or malformed
     */
    public static PullRequestRef resolve(String repository, Integer number, Map<String, String> env) {
        String repo = repository != null ? repository : env.get("GITHUB_REPOSITORY");
        if (repo == null || repo.isBlank()) {
            throw new TenetInputException("--publish github needs --repo owner/name (or GITHUB_REPOSITORY)");
        }
        if (!REPOSITORY.matcher(repo.strip()).matches()) {
            throw new TenetInputException("--repo '" + repo + "' is not owner/name");
        }
        int pr = number != null ? number : numberFromEvent(env.get("GITHUB_EVENT_PATH"));
        if (pr < 1) {
            throw new TenetInputException("--pr must be a pull request number, not " + pr);
        }
        String[] parts = repo.strip().split("/");
        return new PullRequestRef(parts[0], parts[1], pr);
    }

    private static int numberFromEvent(String eventPath) {
        if (eventPath == null || eventPath.isBlank()) {
            throw new TenetInputException("--publish github needs --pr N (or a pull_request event at GITHUB_EVENT_PATH)");
        }
        try {
            JsonNode event = new ObjectMapper().readTree(Files.readString(Path.of(eventPath)));
            JsonNode number = event.path("pull_request").path("number");
            if (!number.isInt()) {
                number = event.path("number");
            }
            if (!number.isInt()) {
                throw new TenetInputException(eventPath, 0, "the event has no pull_request.number: run on pull_request events or pass --pr");
            }
            return number.asInt();
        } catch (IOException e) {
            throw new TenetInputException(eventPath, 0, "cannot read the GitHub event: " + e.getMessage());
        }
    }
}
