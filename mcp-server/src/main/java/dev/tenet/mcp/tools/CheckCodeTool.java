package dev.tenet.mcp.tools;

import dev.tenet.mcp.schema.Schema;
import dev.tenet.mcp.workspace.Workspace;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Optional;

/**
 * {@code check_code}: checks a file or folder of the workspace, or code not yet saved, against the
 * rules with the workspace's config, as part of the workspace's codebase; writes nothing.
 */
public final class CheckCodeTool implements TenetTool {
    private final CodeChecker checker;

    public CheckCodeTool(CodeChecker checker) {
        this.checker = checker;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpSchema.Tool.builder()
                .name("check_code")
                .title("Check code against the rules")
                .description("Check Java code against the team's rules, as part of the workspace's codebase with its "
                        + ".tenet/config.yml. Give 'path' (a file or folder in the workspace) or 'code' plus 'filename' "
                        + "(where it would be saved). Writes nothing.")
                .inputSchema(Schema.object()
                        .string("path", "file or folder, relative to the workspace", false)
                        .string("code", "Java source (or application.yml/properties) to check", false)
                        .string("filename", "with code: its path relative to the workspace, e.g. src/main/java/com/acme/Foo.java", false)
                        .build())
                .outputSchema(FindingsJson.outputSchema())
                .annotations(new McpSchema.ToolAnnotations("Check code", true, false, true, false, null))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(Workspace workspace, Map<String, Object> arguments) {
        Arguments args = new Arguments(arguments);
        Optional<String> path = args.string("path");
        Optional<String> code = args.string("code");
        Optional<String> filename = args.string("filename");
        CodeChecker.Result result;
        if (path.isPresent() && code.isEmpty() && filename.isEmpty()) {
            result = checker.checkPath(workspace, workspace.resolve(path.get(), "path"));
        } else if (path.isEmpty() && code.isPresent() && filename.isPresent()) {
            result = checker.checkSource(workspace, workspace.resolve(filename.get(), "filename"), code.get());
        } else if (path.isEmpty() && code.isPresent()) {
            return ToolResults.error("'code' needs 'filename': the path the code would have in the workspace, "
                    + "e.g. src/main/java/com/acme/payments/PaymentService.java");
        } else {
            return ToolResults.error("give either 'path' (a file or folder in the workspace) or 'code' with 'filename', not both and not neither");
        }
        return ToolResults.structured(FindingsJson.result(result.findings(), result.filesChecked(), result.baselined()));
    }
}
