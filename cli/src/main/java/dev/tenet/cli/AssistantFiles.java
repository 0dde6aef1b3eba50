package dev.tenet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The assistant files {@code tenet init --claude / --cursor} puts Tenet into: the MCP server and the edit hook of Claude Code
 * ({@code .mcp.json}, {@code .claude/settings.json}) and of Cursor ({@code .cursor/mcp.json}, {@code .cursor/hooks.json}).
 * Each file is planned in full before any is written; an existing file keeps every entry that is not Tenet's, and a second
 * run finds Tenet's entries there and changes nothing.
 */
final class AssistantFiles {
    static final String CLAUDE_MCP = ".mcp.json";
    static final String CLAUDE_SETTINGS = ".claude/settings.json";
    static final String CURSOR_MCP = ".cursor/mcp.json";
    static final String CURSOR_HOOKS = ".cursor/hooks.json";
    static final String SERVER_NAME = "tenet";
    static final String CLAUDE_HOOK = "hook --client claude";
    static final String CURSOR_HOOK = "hook --client cursor";
    /** Claude Code runs a hook command through the shell: a path with other characters is quoted. */
    private static final Pattern SHELL_WORD = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");
    /** How often Cursor's {@code stop} hook may send the agent back to fix findings in one turn. */
    static final int CURSOR_LOOP_LIMIT = 3;
    static final int HOOK_TIMEOUT_SECONDS = 30;

    enum Action { CREATE, UPDATE, UNCHANGED }

    /** One file's new text and what happens to it. */
    record Planned(String path, Action action, String content, String what) {
    }

    private final Path repository;
    private final String tenet;
    private final boolean force;

    /**
     * @param tenet how the files start Tenet: {@code tenet} (from the PATH) or a path to the launcher
     * @param force replace a file that is not JSON, and Tenet's own entries, instead of stopping / keeping them
     */
    AssistantFiles(Path repository, String tenet, boolean force) {
        this.repository = repository;
        this.tenet = tenet;
        this.force = force;
    }

    List<Planned> claude() {
        ObjectNode server = JsonConfigFile.MAPPER.createObjectNode().put("type", "stdio").put("command", tenet);
        server.putArray("args").add("mcp");
        return List.of(mcpServer(CLAUDE_MCP, server), claudeHook());
    }

    List<Planned> cursor() {
        ObjectNode server = JsonConfigFile.MAPPER.createObjectNode().put("command", tenet);
        server.putArray("args").add("mcp").add("--workspace").add("${workspaceFolder}");
        return List.of(mcpServer(CURSOR_MCP, server), cursorHooks());
    }

    private Planned mcpServer(String path, ObjectNode server) {
        JsonConfigFile file = JsonConfigFile.read(repository, path, force);
        ObjectNode servers = file.object(file.root(), "mcpServers", "mcpServers");
        if (servers.has(SERVER_NAME) && !force) {
            return unchanged(file, "has a '" + SERVER_NAME + "' MCP server; --force replaces it");
        }
        servers.set(SERVER_NAME, server);
        return changed(file, "the '" + SERVER_NAME + "' MCP server: " + tenet + " " + String.join(" ", strings(server.path("args"))));
    }

    private Planned claudeHook() {
        JsonConfigFile file = JsonConfigFile.read(repository, CLAUDE_SETTINGS, force);
        ObjectNode hooks = file.object(file.root(), "hooks", "hooks");
        ArrayNode postToolUse = file.array(hooks, "PostToolUse", "hooks.PostToolUse");
        if (removeTenetHooks(postToolUse, CLAUDE_HOOK, true) && !force) {
            return unchanged(file, "has Tenet's PostToolUse hook; --force replaces it");
        }
        ObjectNode group = postToolUse.addObject().put("matcher", "Write|Edit|MultiEdit");
        group.putArray("hooks").addObject().put("type", "command").put("command", hookCommand(CLAUDE_HOOK)).put("timeout", HOOK_TIMEOUT_SECONDS);
        return changed(file, "the PostToolUse hook on Write|Edit|MultiEdit: " + hookCommand(CLAUDE_HOOK));
    }

    private Planned cursorHooks() {
        JsonConfigFile file = JsonConfigFile.read(repository, CURSOR_HOOKS, force);
        if (!file.root().has("version")) {
            file.root().put("version", 1);
        }
        ObjectNode hooks = file.object(file.root(), "hooks", "hooks");
        List<String> added = new ArrayList<>();
        for (String event : List.of("afterFileEdit", "stop")) {
            ArrayNode entries = file.array(hooks, event, "hooks." + event);
            if (removeTenetHooks(entries, CURSOR_HOOK, false) && !force) {
                continue;
            }
            ObjectNode hook = entries.addObject().put("command", hookCommand(CURSOR_HOOK)).put("timeout", HOOK_TIMEOUT_SECONDS);
            if (event.equals("stop")) {
                hook.put("loop_limit", CURSOR_LOOP_LIMIT);
            }
            added.add(event);
        }
        if (added.isEmpty()) {
            return unchanged(file, "has Tenet's afterFileEdit and stop hooks; --force replaces them");
        }
        return changed(file, "the " + String.join(" and ", added) + " hook" + (added.size() > 1 ? "s" : "") + ": " + hookCommand(CURSOR_HOOK));
    }

    /**
     * Whether {@code entries} holds Tenet's hook ({@code <tenet> hook --client X}); with {@code force}, also takes it out so a fresh
     * one replaces it. Claude Code nests command hooks in matcher groups ({@code grouped}); Cursor lists them directly.
     */
    private boolean removeTenetHooks(ArrayNode entries, String hookArguments, boolean grouped) {
        boolean found = false;
        for (Iterator<JsonNode> outer = entries.elements(); outer.hasNext(); ) {
            JsonNode entry = outer.next();
            if (!grouped) {
                if (isTenetHook(entry, hookArguments)) {
                    found = true;
                    if (force) {
                        outer.remove();
                    }
                }
                continue;
            }
            if (entry.path("hooks") instanceof ArrayNode inner) {
                for (Iterator<JsonNode> hook = inner.elements(); hook.hasNext(); ) {
                    if (isTenetHook(hook.next(), hookArguments)) {
                        found = true;
                        if (force) {
                            hook.remove();
                        }
                    }
                }
                if (force && inner.isEmpty()) {
                    outer.remove();
                }
            }
        }
        return found;
    }

    private static boolean isTenetHook(JsonNode hook, String hookArguments) {
        String command = hook.path("command").asText("");
        return command.contains("tenet") && command.strip().endsWith(hookArguments);
    }

    private String hookCommand(String hookArguments) {
        String program = SHELL_WORD.matcher(tenet).matches() ? tenet : "'" + tenet.replace("'", "'\\''") + "'";
        return program + " " + hookArguments;
    }

    private Planned changed(JsonConfigFile file, String what) {
        String text = file.text();
        if (!file.existed()) {
            return new Planned(file.path(), Action.CREATE, text, what);
        }
        Action action = file.current(repository).map(text::equals).orElse(false) ? Action.UNCHANGED : Action.UPDATE;
        return new Planned(file.path(), action, text, what);
    }

    private static Planned unchanged(JsonConfigFile file, String what) {
        return new Planned(file.path(), Action.UNCHANGED, null, what);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
