package dev.tenet.review.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.review.ReviewResult;
import dev.tenet.rules.Severity;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHRepository;

/**
 * The check run named {@value #NAME}: every new finding as an annotation, sent in batches of at
 * most {@value #BATCH} (the API's limit per request), and a conclusion branch protection can require.
 */
final class CheckRunPublisher {
    static final String NAME = "Tenet";
    static final int BATCH = 50;

    private final GitHubConnection connection;
    private final GHRepository repository;
    private final Retrier retrier;

    CheckRunPublisher(GitHubConnection connection, GHRepository repository, Retrier retrier) {
        this.connection = connection;
        this.repository = repository;
        this.retrier = retrier;
    }

    /** What was published: e.g. {@code check run Tenet: failure, 3 annotations}, and the run's page. */
    record Published(String what, String htmlUrl) {
    }

    /** Publishes the check run (or finds it already published for the same findings on the same commit). */
    Published publish(ReviewResult result, String headSha, Severity failLevel) throws IOException {
        GHCheckRun.Conclusion conclusion = result.failsAt(failLevel) ? GHCheckRun.Conclusion.FAILURE
                : result.findings().isEmpty() ? GHCheckRun.Conclusion.SUCCESS : GHCheckRun.Conclusion.NEUTRAL;
        String externalId = externalId(result, headSha);
        Optional<GHCheckRun> existing = find(headSha, externalId);
        String done = "check run " + NAME + ": " + conclusion.toString().toLowerCase() + ", " + result.findings().size() + " annotation(s)";
        if (existing.isPresent() && existing.get().getStatus() == GHCheckRun.Status.COMPLETED) {
            return new Published(done + " (already up to date)", String.valueOf(existing.get().getHtmlUrl()));
        }
        List<List<GHCheckRunBuilder.Annotation>> batches = batches(result.findings());
        String title = result.findings().isEmpty() ? "No new findings" : result.findings().size() + " new finding(s)";
        String summary = "Tenet checked " + result.changes().size() + " changed file(s) against the rules; "
                + result.findings().size() + " new finding(s), " + result.baselined() + " baselined.";
        GHCheckRunBuilder create = repository.createCheckRun(NAME, headSha).withExternalID(externalId).withStartedAt(new Date());
        finish(create, batches.size() == 1, conclusion).add(output(title, summary, batches.get(0)));
        GHCheckRun run = retrier.call(create::create, () -> find(headSha, externalId));
        for (int i = 1; i < batches.size(); i++) {
            int expected = Math.min(result.findings().size(), (i + 1) * BATCH);
            GHCheckRunBuilder update = finish(run.update(), i == batches.size() - 1, conclusion)
                    .add(output(title, summary, batches.get(i)));
            retrier.call(update::create, () -> annotationsAtLeast(run.getId(), expected) ? Optional.of(run) : Optional.empty());
        }
        return new Published(done, String.valueOf(run.getHtmlUrl()));
    }

    private static GHCheckRunBuilder finish(GHCheckRunBuilder builder, boolean last, GHCheckRun.Conclusion conclusion) {
        return last ? builder.withStatus(GHCheckRun.Status.COMPLETED).withConclusion(conclusion).withCompletedAt(new Date())
                : builder.withStatus(GHCheckRun.Status.IN_PROGRESS);
    }

    private static GHCheckRunBuilder.Output output(String title, String summary, List<GHCheckRunBuilder.Annotation> batch) {
        GHCheckRunBuilder.Output output = new GHCheckRunBuilder.Output(title, summary);
        batch.forEach(output::add);
        return output;
    }

    static List<List<GHCheckRunBuilder.Annotation>> batches(List<Finding> findings) {
        List<List<GHCheckRunBuilder.Annotation>> batches = new ArrayList<>();
        batches.add(new ArrayList<>());
        for (Finding finding : findings) {
            if (batches.get(batches.size() - 1).size() == BATCH) {
                batches.add(new ArrayList<>());
            }
            batches.get(batches.size() - 1).add(new GHCheckRunBuilder.Annotation(finding.file(), finding.startLine(),
                    finding.endLine(), level(finding.severity()), (finding.isLlm() ? "(LLM) " : "") + finding.message())
                    .withTitle(finding.ruleId())
                    .withRawDetails(finding.fixHint().isBlank() ? null : "Fix: " + finding.fixHint()));
        }
        return batches;
    }

    private static GHCheckRun.AnnotationLevel level(Severity severity) {
        return switch (severity) {
            case ERROR -> GHCheckRun.AnnotationLevel.FAILURE;
            case WARNING -> GHCheckRun.AnnotationLevel.WARNING;
            case INFO -> GHCheckRun.AnnotationLevel.NOTICE;
        };
    }

    private Optional<GHCheckRun> find(String headSha, String externalId) throws IOException {
        List<GHCheckRun> runs = retrier.call(() -> repository.getCheckRuns(headSha, Map.of("check_name", NAME)).toList());
        return runs.stream().filter(run -> externalId.equals(run.getExternalId())).findFirst();
    }

    private boolean annotationsAtLeast(long checkRunId, int expected) throws IOException {
        JsonNode run = retrier.call(() -> connection.send("GET", "/repos/" + repository.getFullName() + "/check-runs/" + checkRunId, null));
        return run.path("output").path("annotations_count").asInt() >= expected;
    }

    /** Identifies the run's result, so a re-run with the same findings on the same commit finds it instead of repeating it. */
    static String externalId(ReviewResult result, String headSha) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(headSha.getBytes(StandardCharsets.UTF_8));
            for (Finding finding : result.findings()) {
                sha.update(("\u0000" + finding.fingerprint() + ":" + finding.severity()).getBytes(StandardCharsets.UTF_8));
            }
            if (!result.demoted().isEmpty()) {
                // A demotion changes the conclusion of the same findings: it is a new check run.
                sha.update(("\u0000demoted:" + result.demoted().keySet()).getBytes(StandardCharsets.UTF_8));
            }
            return "tenet-" + HexFormat.of().formatHex(sha.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
