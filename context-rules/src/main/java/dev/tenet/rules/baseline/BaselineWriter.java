package dev.tenet.rules.baseline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.io.AtomicFiles;
import dev.tenet.rules.report.JsonOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes a baseline file whole or not at all: a synced temporary file moved over the target. */
final class BaselineWriter {

    private BaselineWriter() {
    }

    static void write(Path file, List<BaselineEntry> entries) {
        byte[] content = JsonOutput.print(document(entries)).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.writeDurably(file, content);
        } catch (IOException e) {
            throw new TenetInputException(file, 0, "cannot write the baseline: " + e);
        }
    }

    private static ObjectNode document(List<BaselineEntry> entries) {
        ObjectNode document = JsonOutput.object();
        document.put("version", Baseline.VERSION);
        ArrayNode findings = document.putArray("findings");
        for (BaselineEntry entry : entries) {
            ObjectNode node = findings.addObject();
            node.put("ruleId", entry.ruleId());
            node.put("fingerprint", entry.fingerprint());
            node.put("file", entry.file());
            node.put("message", entry.message());
        }
        return document;
    }
}
