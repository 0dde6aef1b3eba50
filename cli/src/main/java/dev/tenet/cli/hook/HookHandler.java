package dev.tenet.cli.hook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.rules.Severity;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.cache.DiskScanCache;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers one hook event: checks the edited file (Claude Code) or records it and checks the conversation's
 * files when the agent stops (Cursor), and tells the agent in the form its assistant shows to the model.
 * Never fails: whatever goes wrong is a line in {@code hook.log} and a silent answer.
 */
public final class HookHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMPTY_JSON = "{}";

    private final EditedFileChecker checker;
    private final HookLog log;
    private final CursorEdits cursorEdits;
    private final Adherence adherence;

    /**
     * @param cacheDirectory the user's Tenet cache directory (scan cache, hook log, Cursor edits, adherence counts)
     * @param parallelism    parser threads for a check
     */
    public HookHandler(Path cacheDirectory, int parallelism) {
        this.checker = new EditedFileChecker(new MemoryScanCache(new DiskScanCache(cacheDirectory)), parallelism);
        this.log = new HookLog(cacheDirectory);
        this.cursorEdits = new CursorEdits(cacheDirectory);
        this.adherence = new Adherence(cacheDirectory);
    }

    /** The answer to one event; anything that goes wrong is logged and answered with silence. */
    public HookAnswer handle(HookRequest request) {
        try {
            return answer(request);
        } catch (MalformedEventException e) {
            log.append("malformed " + request.client() + " event: " + e.getMessage());
        } catch (TenetInputException e) {
            log.append("could not check (" + request.client() + "): " + e.getMessage());
        } catch (Exception | StackOverflowError e) {
            log.append("internal error (" + request.client() + "): " + e);
        }
        return HookAnswer.silent();
    }

    /** Logs a line in the hook log (a timeout seen by the caller). */
    public void logProblem(String what) {
        log.append(what);
    }

    private HookAnswer answer(HookRequest request) throws IOException {
        Severity threshold = Severity.parse(request.failOn());
        HookEvent event = HookEvents.parse(request);
        if (event instanceof HookEvent.Ignored ignored) {
            if (ignored.unknown()) {
                log.append("ignored " + ignored.what());
            }
            return request.client().equals("cursor") ? HookAnswer.json(EMPTY_JSON) : HookAnswer.silent();
        }
        if (event instanceof HookEvent.FileEdited edited && edited.conversation() == null) {
            String feedback = Feedback.render(checkAll(List.of(edited.file()), edited.workspaces(), threshold), request.maxFindings());
            return feedback.isEmpty() ? HookAnswer.silent() : new HookAnswer(2, "", feedback);
        }
        if (event instanceof HookEvent.FileEdited edited) {
            if (EditedFileChecker.isCheckable(edited.file(), edited.workspaces())) {
                cursorEdits.record(edited.conversation(), edited.file());
            }
            return HookAnswer.json(EMPTY_JSON);
        }
        HookEvent.Stopped stopped = (HookEvent.Stopped) event;
        List<Path> files = cursorEdits.take(stopped.conversation());
        boolean completed = stopped.status().isEmpty() || stopped.status().equals("completed");
        if (files.isEmpty() || !completed || stopped.loopCount() >= request.loopLimit()) {
            return HookAnswer.json(EMPTY_JSON);
        }
        String feedback = Feedback.render(checkAll(files, stopped.workspaces(), threshold), request.maxFindings());
        if (feedback.isEmpty()) {
            return HookAnswer.json(EMPTY_JSON);
        }
        ObjectNode reply = JSON.createObjectNode().put("followup_message", feedback);
        return HookAnswer.json(JSON.writeValueAsString(reply));
    }

    /** Checks each file Tenet checks, counts what it caught, and returns all their findings, most severe first. */
    private List<Feedback.Item> checkAll(List<Path> files, List<Path> workspaces, Severity threshold) throws IOException {
        List<Feedback.Item> items = new ArrayList<>();
        for (Path file : files) {
            if (!EditedFileChecker.isCheckable(file, workspaces)) {
                continue;
            }
            EditedFileChecker.Checked checked = checker.check(file, threshold);
            Set<String> rules = checked.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
            adherence.record(file, rules);
            for (Finding finding : checked.findings()) {
                items.add(new Feedback.Item(Feedback.displayPath(checked.repository(), finding, workspaces), finding));
            }
        }
        items.sort(java.util.Comparator.comparing((Feedback.Item item) -> item.finding().severity()));
        return items;
    }
}
