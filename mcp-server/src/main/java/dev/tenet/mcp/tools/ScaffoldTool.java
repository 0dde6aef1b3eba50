package dev.tenet.mcp.tools;

import dev.tenet.mcp.schema.Schema;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.mcp.workspace.WorkspaceException;
import dev.tenet.scaffold.Scaffolder;
import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ProjectWriter;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.SpecParser;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code scaffold}: a pipeline spec turned into the scaffolder's plan (files to create, a diff for
 * files that exist), written into the workspace only when asked with {@code write: true}.
 */
public final class ScaffoldTool implements TenetTool {
    /** The name bad-spec messages give the spec, e.g. {@code spec:7: 'database' is 'oracle' ...}. */
    static final String SPEC_NAME = "spec";

    private final Scaffolder scaffolder;

    public ScaffoldTool(Scaffolder scaffolder) {
        this.scaffolder = scaffolder;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpSchema.Tool.builder()
                .name("scaffold")
                .title("Generate a Kafka consumer service")
                .description("Generate a Kafka consumer service from a pipeline spec (YAML, as `tenet new --spec`). "
                        + "Default: the plan (files to create, a diff for files that exist); nothing written. "
                        + "write=true writes it into a new or empty folder of the workspace.")
                .inputSchema(Schema.object()
                        .string("spec", "YAML: service, package, database, aggregate, consumers, publishes[, idempotency, retry, partner, cache]", true)
                        .string("target", "folder relative to the workspace; default: the service name", false)
                        .bool("write", "write the files (default false: plan only)")
                        .build())
                .outputSchema(outputSchema())
                .annotations(new McpSchema.ToolAnnotations("Scaffold a service", false, false, true, false, null))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(Workspace workspace, Map<String, Object> arguments) {
        Arguments args = new Arguments(arguments);
        String yaml = args.string("spec").orElseThrow(() -> new WorkspaceException("'spec' is empty: give the pipeline spec as YAML"));
        PipelineSpec spec = SpecParser.parse(yaml, SPEC_NAME);
        String targetArgument = args.string("target").orElse(spec.service());
        Path target = workspace.resolve(targetArgument, "target");
        boolean write = args.bool("write");
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new WorkspaceException("'target' " + workspace.relative(target) + " is a file, not a folder");
        }
        if (write && !isEmptyOrAbsent(target)) {
            return ToolResults.error("'target' " + workspace.relative(target) + " is not empty: scaffold writes a new service only. "
                    + "Call without write to see the plan and diffs, or choose a new folder.");
        }
        GeneratedFiles files = scaffolder.plan(spec);
        List<Map<String, Object>> entries = write ? created(files) : plan(workspace, target, files);
        if (write) {
            ProjectWriter.writeNew(files, target);
        }
        return ToolResults.structured(result(spec, workspace.relative(target), write, entries));
    }

    private static List<Map<String, Object>> created(GeneratedFiles files) {
        return files.files().keySet().stream().map(path -> entry(path, "create", null)).toList();
    }

    private static List<Map<String, Object>> plan(Workspace workspace, Path target, GeneratedFiles files) {
        String targetText = workspace.relative(target);
        return files.files().entrySet().stream().map(file -> {
            String path = file.getKey();
            // Resolved through the workspace so that an existing symbolic link pointing outside is refused, not read.
            Path onDisk = workspace.resolve(targetText.equals(".") ? path : targetText + "/" + path, "target");
            if (!Files.exists(onDisk)) {
                return entry(path, "create", null);
            }
            if (!Files.isRegularFile(onDisk)) {
                return entry(path, "modify", "a folder or special file is in the way of " + path + "\n");
            }
            byte[] current = read(onDisk);
            return Arrays.equals(current, file.getValue())
                    ? entry(path, "unchanged", null)
                    : entry(path, "modify", UnifiedDiff.of(path, current, file.getValue()));
        }).toList();
    }

    private static Map<String, Object> entry(String path, String action, String diff) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", path);
        entry.put("action", action);
        if (diff != null) {
            entry.put("diff", diff);
        }
        return entry;
    }

    private static Map<String, Object> result(PipelineSpec spec, String target, boolean written, List<Map<String, Object>> files) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("service", spec.service());
        result.put("target", target);
        result.put("written", written);
        for (String action : List.of("create", "modify", "unchanged")) {
            result.put(action, files.stream().filter(f -> action.equals(f.get("action"))).count());
        }
        result.put("files", files);
        return result;
    }

    private static Map<String, Object> outputSchema() {
        Map<String, Object> file = Schema.object()
                .string("path", "relative to target", true)
                .enumeration("action", null, List.of("create", "modify", "unchanged"), true)
                .string("diff", "unified diff, for modify", false)
                .build();
        return Schema.object()
                .string("service", null, true)
                .string("target", "relative to the workspace", true)
                .property("written", Schema.type("boolean", null), true)
                .property("create", Schema.type("integer", null), true)
                .property("modify", Schema.type("integer", null), true)
                .property("unchanged", Schema.type("integer", null), true)
                .array("files", file, true)
                .build();
    }

    private static boolean isEmptyOrAbsent(Path target) {
        if (!Files.exists(target)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
