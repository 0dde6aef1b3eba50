package dev.tenet.rules.engine;

/**
 * A machine check bound to a rule by its id. Checks are stateless: what they learn about a file in
 * phase one goes into the {@link ScanSink} (cached with the file); what needs the whole codebase is
 * decided in phase two from the {@link Project}.
 */
public interface Check {

    /** The id rules use in their {@code check:} front-matter key. */
    String id();

    /**
     * Whether the check judges code by its layer; such checks stay silent when the layers are neither
     * configured nor recognised from the layout.
     *
     * @return true for layer-based checks
     */
    default boolean usesLayers() {
        return false;
    }

    /**
     * A cheap whole-file precondition on the raw source text (e.g. does it mention {@code KafkaListener} at all); when
     * it does not hold, {@link #scan} is skipped for that file.
     *
     * @return the precondition; {@link Prefilter#always()} by default
     */
    default Prefilter prefilter() {
        return Prefilter.always();
    }

    /**
     * Whether the check has anything to judge in a tree at all, told from its listing before any file is read (e.g. the
     * committed files it compares code with). A check that does not apply is skipped in phase one for every file of the
     * tree, and the cached phase-one results of a tree where it applies are kept apart from those where it does not.
     *
     * @param tree the files of the tree being checked
     * @return true by default
     */
    default boolean appliesTo(SourceTree tree) {
        return true;
    }

    /**
     * Phase one: inspect one parsed file. Must depend on nothing but the file itself, since its
     * output is cached by the file's content.
     *
     * @param file the parsed file
     * @param sink where hits and facts go
     */
    default void scan(JavaFile file, ScanSink sink) {
    }

    /**
     * Phase two: report what needs the whole codebase (layers, call graph, beans in other files).
     *
     * @param project every file's model, the call graph and the configuration
     * @param sink    where hits go
     */
    default void finish(Project project, HitSink sink) {
    }
}
