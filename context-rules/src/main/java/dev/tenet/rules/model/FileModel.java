package dev.tenet.rules.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything the engine keeps of one Java file once its tree is dropped: the declarations, calls
 * and effects the whole-codebase checks need, the suppressions, and the local checks' hits and facts.
 * It is what the on-disk cache stores, keyed by the file's content.
 *
 * @param path         relative path with {@code /} separators
 * @param packageName  the package ({@code ""} for the default package)
 * @param imports      import declarations
 * @param types        declared types, nested ones included
 * @param suppressions in-code suppressions
 * @param hits         findings of the single-file checks
 * @param facts        facts recorded for phase two
 * @param parseError   why no check could read the file — it does not parse, cannot be read or is too
 *                     large — as a clause ("it does not parse as Java: …"); null when it parsed (else the rest is empty)
 * @param parseErrorLine the line of the parse error
 * @param calls        how many call chains the file's methods make
 * @param unresolvedCalls how many of them start on a receiver whose type could not be told (they have no effect)
 */
public record FileModel(String path, String packageName, List<ImportRef> imports, List<TypeModel> types,
                        List<Suppression> suppressions, List<Hit> hits, List<Fact> facts,
                        String parseError, int parseErrorLine, int calls, int unresolvedCalls) {
    public FileModel(String path, String packageName, List<ImportRef> imports, List<TypeModel> types,
                     List<Suppression> suppressions, List<Hit> hits, List<Fact> facts, String parseError, int parseErrorLine) {
        this(path, packageName, imports, types, suppressions, hits, facts, parseError, parseErrorLine, 0, 0);
    }

    public FileModel {
        imports = List.copyOf(imports);
        types = List.copyOf(types);
        suppressions = List.copyOf(suppressions);
        hits = List.copyOf(hits);
        facts = List.copyOf(facts);
    }


    public static FileModel unparsable(String path, String message, int line) {
        return new FileModel(path, "", List.of(), List.of(), List.of(), List.of(), List.of(), message, Math.max(1, line));
    }

    public boolean parsed() {
        return parseError == null;
    }

    /** The FQN an explicit single-type import gives to {@code simpleName}, if any. */
    public Optional<String> importedAs(String simpleName) {
        for (ImportRef imp : imports) {
            if (!imp.isStatic() && !imp.asterisk()
                    && (imp.name().endsWith("." + simpleName) || imp.name().equals(simpleName))) {
                return Optional.of(imp.name());
            }
        }
        return Optional.empty();
    }
}
