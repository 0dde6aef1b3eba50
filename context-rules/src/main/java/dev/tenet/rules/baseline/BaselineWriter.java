package dev.tenet.rules.baseline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.report.JsonOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/** Writes a baseline file whole or not at all: a synced temporary file moved over the target. */
final class BaselineWriter {

    private BaselineWriter() {
    }

    static void write(Path file, List<BaselineEntry> entries) {
        byte[] content = JsonOutput.print(document(entries)).getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        // same folder as the target so the move is a rename on one file system
        Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temporary, target);
        } catch (IOException e) {
            throw new TenetInputException(file, 0, "cannot write the baseline: " + e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a stray temporary file is harmless; the error that matters is already on its way
            }
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
