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
                        + "(where it would be saved). Writes nothing. Like findings are grouped, most severe first; 'more' counts the rest.")
                .inputSchema(FindingsInput.addTo(Schema.object()
                        .string("path", "file or folder, relative to the workspace", false)
                        .string("code", "Java source (or application.yml/properties) to check", false)
                        .string("filename", "with code: its path relative to the workspace, e.g. src/main/java/com/acme/Foo.java", false))
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
            Optional<String> unsaveable = unpairedSurrogate(code.get());
            if (unsaveable.isPresent()) {
                return ToolResults.error("'code' cannot be checked: " + unsaveable.get() + ". Remove it, or write it as an escape "
                        + "such as \\uD800 inside a Java string literal");
            }
            result = checker.checkSource(workspace, workspace.resolve(filename.get(), "filename"), code.get());
        } else if (path.isEmpty() && code.isPresent()) {
            return ToolResults.error("'code' needs 'filename': the path the code would have in the workspace, "
                    + "e.g. src/main/java/com/acme/payments/PaymentService.java");
        } else {
            return ToolResults.error("give either 'path' (a file or folder in the workspace) or 'code' with 'filename', not both and not neither");
        }
        return FindingsInput.report(args, result.findings(), result.catalog()).result(result.filesChecked(), result.baselined(), json -> { });
    }

    /** Where {@code text} holds half of a UTF-16 surrogate pair with no other half (it has no UTF-8 form, so no file can hold it). */
    static Optional<String> unpairedSurrogate(String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("line %d, column %d holds an unpaired UTF-16 surrogate (U+%04X), which no UTF-8 file can contain",
                        line, column, (int) c));
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return Optional.empty();
    }
}
