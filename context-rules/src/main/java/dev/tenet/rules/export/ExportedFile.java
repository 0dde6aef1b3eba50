package dev.tenet.rules.export;

/**
 * One file an export produces.
 *
 * @param path    relative to the output folder, with {@code /}
 * @param content the text
 * @param section true when the text is Tenet's marked section inside a file the team also writes
 *                ({@code CLAUDE.md}, {@code AGENTS.md}, {@code copilot-instructions.md}); false when Tenet owns the whole file
 */
public record ExportedFile(String path, String content, boolean section) {
}
