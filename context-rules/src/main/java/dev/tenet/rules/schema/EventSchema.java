package dev.tenet.rules.schema;

/**
 * One committed version of an event's JSON Schema, kept at {@code schemas/<subject>/v<version>.json}.
 *
 * @param file           path relative to the checked root
 * @param subject        the folder it is in: the topic (or registry subject) whose records it describes
 * @param version        the number in its file name
 * @param javaType       the fully qualified Java type it describes (its {@code javaType} keyword), or {@code ""}
 * @param shape          its top-level properties
 * @param propertiesLine the line of its {@code properties} keyword (where a removed property was)
 */
public record EventSchema(String file, String subject, int version, String javaType, EventShape shape, int propertiesLine) {

    /** The folder of the file: versions of one subject share it. */
    public String folder() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }
}
