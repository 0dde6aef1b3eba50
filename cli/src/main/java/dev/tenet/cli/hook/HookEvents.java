package dev.tenet.cli.hook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the hook events Claude Code and Cursor send on stdin, as their hook documentation describes them:
 * Claude Code {@code PostToolUse} ({@code cwd}, {@code tool_name}, {@code tool_input.file_path}); Cursor
 * {@code afterFileEdit} ({@code workspace_roots}, {@code file_path}, {@code conversation_id}) and {@code stop}
 * ({@code status}, {@code loop_count}).
 */
final class HookEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CLAUDE_EDIT_TOOLS = Set.of("Write", "Edit", "MultiEdit");
    private static final Set<String> CLAUDE_EVENTS = Set.of("PreToolUse", "PostToolUse", "PostToolUseFailure", "UserPromptSubmit",
            "Notification", "Stop", "SubagentStop", "PreCompact", "SessionStart", "SessionEnd");

    private HookEvents() {
    }

    /**
     * @throws MalformedEventException when the payload is not a JSON object with the fields the event needs
     */
    static HookEvent parse(HookRequest request) {
        JsonNode event = readObject(request.payload());
        return switch (request.client()) {
            case "claude" -> claude(event, request);
            case "cursor" -> cursor(event);
            default -> throw new MalformedEventException("unknown client '" + request.client() + "'");
        };
    }

    private static HookEvent claude(JsonNode event, HookRequest request) {
        String name = text(event, "hook_event_name");
        if (!name.equals("PostToolUse")) {
            return new HookEvent.Ignored(!CLAUDE_EVENTS.contains(name), "Claude Code event '" + name + "'");
        }
        String tool = text(event, "tool_name");
        if (!CLAUDE_EDIT_TOOLS.contains(tool)) {
            return new HookEvent.Ignored(false, "Claude Code tool '" + tool + "'");
        }
        JsonNode input = event.path("tool_input");
        String file = text(input, "file_path");
        if (file.isEmpty()) {
            throw new MalformedEventException("PostToolUse of " + tool + " without tool_input.file_path");
        }
        List<Path> workspaces = new ArrayList<>();
        String cwd = text(event, "cwd");
        workspaces.add(path(cwd.isEmpty() ? request.cwd() : cwd, "cwd"));
        if (!request.projectDir().isEmpty()) {
            workspaces.add(path(request.projectDir(), "CLAUDE_PROJECT_DIR"));
        }
        return new HookEvent.FileEdited(workspaces.get(0).resolve(path(file, "tool_input.file_path")).normalize(), workspaces, null);
    }

    private static HookEvent cursor(JsonNode event) {
        String name = text(event, "hook_event_name");
        List<Path> roots = new ArrayList<>();
        for (JsonNode root : event.path("workspace_roots")) {
            if (root.isTextual() && !root.asText().isBlank()) {
                roots.add(path(root.asText(), "workspace_roots"));
            }
        }
        switch (name) {
            case "afterFileEdit" -> {
                String file = text(event, "file_path");
                if (file.isEmpty()) {
                    throw new MalformedEventException("afterFileEdit without file_path");
                }
                Path edited = path(file, "file_path");
                if (!edited.isAbsolute()) {
                    if (roots.isEmpty()) {
                        throw new MalformedEventException("afterFileEdit of the relative path '" + file + "' without workspace_roots");
                    }
                    edited = roots.get(0).resolve(edited);
                }
                return new HookEvent.FileEdited(edited.normalize(), roots, conversation(event));
            }
            case "stop" -> {
                JsonNode loops = event.path("loop_count");
                return new HookEvent.Stopped(conversation(event), text(event, "status"), loops.canConvertToInt() ? loops.asInt() : 0, roots);
            }
            default -> {
                return new HookEvent.Ignored(name.isEmpty(), "Cursor event '" + name + "'");
            }
        }
    }

    private static String conversation(JsonNode event) {
        String id = text(event, "conversation_id");
        if (id.isEmpty()) {
            throw new MalformedEventException(text(event, "hook_event_name") + " without conversation_id");
        }
        return id;
    }

    private static JsonNode readObject(byte[] payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedEventException("the event is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new MalformedEventException("the event cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("the event is not a JSON object");
        }
        if (!node.path("hook_event_name").isTextual()) {
            throw new MalformedEventException("the event has no hook_event_name");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : "";
    }

    private static Path path(String text, String field) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new MalformedEventException(field + " is not a path: " + e.getMessage());
        }
    }
}
