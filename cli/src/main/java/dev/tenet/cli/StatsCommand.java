package dev.tenet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.cli.hook.Adherence;
import dev.tenet.review.feedback.RatingStore;
import dev.tenet.review.feedback.RatingStoreException;
import dev.tenet.review.feedback.RuleHealth;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.cache.DiskScanCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenet stats}: per rule, how often {@code tenet hook} caught an agent's edit and whether the next edit fixed it,
 * and how people rated Tenet's review comments (the precision loop), with re-enabling of demoted rules.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show, per rule, how often the hook caught an agent's edit and whether the next edit of that file fixed it.",
            "Counted on this machine only, in the cache folder; nothing is sent anywhere.",
            "Then, per rule, the ratings of Tenet's review comments (thumbs, \"not useful\" replies, fixes) and the not-useful rate;",
            "a rule at 10 % or more not useful over at least 20 ratings is demoted: its findings stop blocking until --reenable."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:The counts were shown (or reset, or the rule re-enabled).",
            "2:Usage error, the counts file is damaged, the ratings database cannot be opened, or --reenable names a rule without ratings.",
            ExitCodes.INTERNAL_TEXT})
final class StatsCommand implements Callable<Integer> {
    /** The formats the counts are printed in. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--reset", description = "Forget every count.")
    boolean reset;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache folder the hook counts (and the default ratings database) are in. Default: $TENET_CACHE_DIR, $XDG_CACHE_HOME/tenet or ~/.cache/tenet.")
    Path cacheDir;

    @Option(names = "--reenable", paramLabel = "RULE",
            description = "Re-enable a demoted rule: its findings block again, and its ratings are counted afresh from now.")
    String reenable;

    @Mixin
    RatingsOptions ratings;

    @Override
    public Integer call() throws IOException {
        Adherence adherence = new Adherence(cacheDir != null ? cacheDir : DiskScanCache.defaultDirectory());
        PrintWriter out = spec.commandLine().getOut();
        if (reenable != null) {
            return new RuleReenabling(ratings.open(cacheDir), out).reenable(reenable);
        }
        if (reset) {
            adherence.reset();
            out.println("Hook counts reset (" + adherence.file() + ").");
            return ExitCodes.OK;
        }
        List<Adherence.Row> rows;
        try {
            rows = adherence.rows();
        } catch (IOException e) {
            throw new TenetInputException(e.getMessage());
        }
        RatingStore store = ratings.open(cacheDir);
        List<RuleHealth> health = health(store);
        if (format == Format.json) {
            ObjectNode root = json(rows);
            RatingsTable.json(health, root.putArray("reviewRatings"));
            out.println(root.toPrettyString());
        } else {
            if (rows.isEmpty()) {
                out.println("No hook data yet: 'tenet hook' counts here once an assistant's hook has checked an edited file"
                        + " (see 'tenet hook --help').");
            } else {
                out.print(table(rows));
            }
            out.println();
            out.print(RatingsTable.text(health, store.database().describe()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String table(List<Adherence.Row> rows) {
        int width = Math.max("rule".length(), rows.stream().mapToInt(row -> row.rule().length()).max().orElse(0));
        String line = "%-" + width + "s  %6s  %15s  %11s  %10s  %8s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, line, "rule", "caught", "fixed next edit", "fixed later",
                "still open", "fix rate"));
        int caught = 0;
        int fixed = 0;
        for (Adherence.Row row : rows) {
            text.append(String.format(Locale.ROOT, line, row.rule(), row.caught(), row.fixedNextEdit(), row.fixedLater(), row.stillOpen(),
                    percent(row.fixRate())));
            caught += row.caught();
            fixed += row.fixedNextEdit();
        }
        text.append(String.format(Locale.ROOT, "%n%d caught, %d fixed at the next edit (%s).%n", caught, fixed,
                percent(caught == 0 ? 0 : (double) fixed / caught)));
        return text.toString();
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }

    private static List<RuleHealth> health(RatingStore store) {
        try {
            return store.health();
        } catch (RatingStoreException e) {
            throw new TenetInputException(e.getMessage());
        }
    }

    private static ObjectNode json(List<Adherence.Row> rows) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("rules");
        for (Adherence.Row row : rows) {
            array.addObject().put("rule", row.rule()).put("caught", row.caught()).put("fixedNextEdit", row.fixedNextEdit())
                    .put("fixedLater", row.fixedLater()).put("stillOpen", row.stillOpen())
                    .put("fixRate", Math.round(row.fixRate() * 1000) / 1000.0);
        }
        return root;
    }
}
