package dev.tenet.review.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.tenet.review.ReviewResult;
import dev.tenet.rules.baseline.Baseline;
import dev.tenet.rules.baseline.BaselineResult;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.LlmSettings;
import dev.tenet.rules.config.LlmSettingsParser;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.search.RuleIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional LLM review pass, applied to a finished deterministic review: each changed hunk goes to the
 * configured model with the rules retrieved for it, and the answers that survive validation join the
 * findings, labelled as the model's.
 *
 * <p>Order when the token budget cannot cover every hunk: production code before test code, then hunks whose
 * rules matched best, then hunks with more changed lines, then by path and line. A hunk is sent only when its
 * estimated cost fits what is left of the budget; from the first that does not, the rest are listed as skipped.
 * A failed or timed-out call ends the pass; the review keeps what it has and says so.
 */
public final class LlmReviewPass {
    private static final int CHARS_PER_TOKEN = 4;

    private final LlmSettings settings;
    private final Map<String, String> env;

    public LlmReviewPass(LlmSettings settings, Map<String, String> env) {
        this.settings = settings;
        this.env = Map.copyOf(env);
    }

    /**
     * The review with the pass applied when the repository's {@code .tenet/config.yml} configures one; the
     * review unchanged (and no network touched) otherwise.
     *
     * @param root the new version of the repository, on disk
     */
    public static ReviewResult applyConfigured(ReviewResult result, Path root, TenetConfig config, boolean useBaseline,
                                               Map<String, String> env, Optional<String> pullRequestText) {
        Optional<LlmSettings> settings = LlmSettingsParser.load(root);
        if (settings.isEmpty()) {
            return result;
        }
        if (result.changes().contains(ConfigLoader.CONFIG_FILE)) {
            // The change could point the pass (and the API key) at another server: only an unchanged configuration is trusted.
            return result.withLlmPass(List.of(), 0, LlmAccount.notRun(name(settings.get()),
                    "the change edits " + ConfigLoader.CONFIG_FILE + ", and the pass only runs with a configuration the change does not touch"));
        }
        return new LlmReviewPass(settings.get(), env).apply(result, root, config, useBaseline, pullRequestText);
    }

    public ReviewResult apply(ReviewResult result, Path root, TenetConfig config, boolean useBaseline, Optional<String> pullRequestText) {
        ChatModel model;
        List<Hunks.File> files;
        try {
            model = ChatModels.create(settings, env);
            files = Hunks.of(root, result.changes(), config);
        } catch (ChatModels.MissingKeyException | IOException | RuntimeException e) {
            return result.withLlmPass(List.of(), 0, LlmAccount.notRun(name(settings), setupFailure(e)));
        }
        LlmAccount account = new LlmAccount(name(settings), settings.tokenBudget());
        Optional<String> prText = pullRequestText.map(text -> SecretRedactor.redact(text).text());
        List<Planned> plan = plan(files, new RelevantRules(result.catalog(), config, settings.rulesPerHunk()), account);
        AnswerValidator validator = new AnswerValidator(result.catalog(), config, result.changes(),
                result.findings().stream().filter(f -> !f.isLlm()).toList(), settings.maxSeverity());
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Planned next = plan.get(i);
            String user = ReviewPrompt.user(next.hunk(), EnclosingMethod.around(next.file().methods(), firstChanged(next.hunk())),
                    next.file().lines(), next.rules(), prText);
            int estimate = (ReviewPrompt.SYSTEM.length() + user.length()) / CHARS_PER_TOKEN + settings.maxOutputTokens();
            if (account.spent() + estimate > settings.tokenBudget()) {
                plan.subList(i, plan.size()).forEach(skipped -> account.skipped(skipped.hunk().label()));
                break;
            }
            ChatResponse response;
            try {
                response = model.chat(request(user));
            } catch (RuntimeException e) {
                account.failed(ProviderFailure.describe(e, next.hunk().label(), settings), plan.size() - i);
                break;
            }
            read(response, estimate, next.file(), validator, account).forEach(found::add);
        }
        files.stream().filter(f -> !f.hunks().isEmpty()).forEach(f -> account.redacted(f.redactions()));
        BaselineResult filtered = useBaseline ? Baseline.load(Baseline.fileIn(root)).filter(found) : new BaselineResult(found, 0, 0);
        account.kept(filtered.newFindings().size(), filtered.baselined());
        return result.withLlmPass(filtered.newFindings(), filtered.baselined(), account.sentences());
    }

    private ChatRequest request(String user) {
        return ChatRequest.builder()
                .messages(SystemMessage.from(ReviewPrompt.SYSTEM), UserMessage.from(user))
                .responseFormat(ModelAnswer.FORMAT)
                .maxOutputTokens(settings.maxOutputTokens())
                .temperature(0.0)
                .build();
    }

    /** Books the spend of one answer and returns the findings that pass validation; the rest are counted as dropped. */
    private static List<Finding> read(ChatResponse response, int estimate, Hunks.File file, AnswerValidator validator, LlmAccount account) {
        TokenUsage usage = response.tokenUsage();
        account.spent(usage == null ? null : usage.inputTokenCount(), usage == null ? null : usage.outputTokenCount(),
                usage == null ? null : usage.totalTokenCount(), estimate);
        Optional<List<ModelAnswer.Item>> items = ModelAnswer.parse(response.aiMessage() == null ? null : response.aiMessage().text());
        if (items.isEmpty()) {
            account.dropped(DropReason.MALFORMED);
            return List.of();
        }
        List<Finding> kept = new ArrayList<>();
        for (ModelAnswer.Item item : items.get()) {
            AnswerValidator.Outcome outcome = validator.check(item, file);
            outcome.dropped().ifPresent(account::dropped);
            outcome.finding().ifPresent(kept::add);
        }
        return kept;
    }

    /** A hunk to send, with the rules retrieved for it and their best score. */
    private record Planned(Hunks.File file, Hunk hunk, List<Rule> rules, double score) {
    }

    private static List<Planned> plan(List<Hunks.File> files, RelevantRules rules, LlmAccount account) {
        List<Planned> plan = new ArrayList<>();
        int total = 0;
        for (Hunks.File file : files) {
            for (Hunk hunk : file.hunks()) {
                total++;
                String context = EnclosingMethod.around(file.methods(), firstChanged(hunk))
                        .map(m -> String.join("\n", file.lines().subList(m.first() - 1, Math.min(m.last(), file.lines().size()))))
                        .orElse("");
                List<RuleIndex.Hit> hits = rules.forHunk(file.path(), hunk.text() + "\n" + context);
                if (hits.isEmpty()) {
                    account.unmatched();
                } else {
                    plan.add(new Planned(file, hunk, hits.stream().map(RuleIndex.Hit::rule).toList(), hits.get(0).score()));
                }
            }
        }
        account.hunks(total);
        plan.sort(Comparator.comparing((Planned p) -> p.hunk().isTestCode())
                .thenComparing(Comparator.comparingDouble(Planned::score).reversed())
                .thenComparing(Comparator.comparingInt((Planned p) -> p.hunk().changedLineCount()).reversed())
                .thenComparing(p -> p.hunk().file())
                .thenComparingInt(p -> p.hunk().first()));
        return plan;
    }

    private static int firstChanged(Hunk hunk) {
        for (int line = hunk.first(); line <= hunk.last(); line++) {
            if (hunk.changed().overlaps(line, line)) {
                return line;
            }
        }
        return hunk.first();
    }

    private static String setupFailure(Exception e) {
        if (e instanceof ChatModels.MissingKeyException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "cannot read the changed files (" + e.getClass().getSimpleName() + ")";
        }
        return "cannot set up the model client (" + e.getClass().getSimpleName() + ")";
    }

    private static String name(LlmSettings settings) {
        return settings.provider().key() + " " + settings.model();
    }
}
