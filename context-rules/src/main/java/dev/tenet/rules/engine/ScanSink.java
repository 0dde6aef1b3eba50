package dev.tenet.rules.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import dev.tenet.rules.model.Fact;
import dev.tenet.rules.model.Hit;
import java.util.List;

/** Where a check reports in phase one; positions and anchors are taken from the node. */
public final class ScanSink {
    private static final int ANCHOR_TEXT_LIMIT = 160;

    private final String checkId;
    private final JavaFile file;
    private final List<Hit> hits;
    private final List<Fact> facts;

    ScanSink(String checkId, JavaFile file, List<Hit> hits, List<Fact> facts) {
        this.checkId = checkId;
        this.file = file;
        this.hits = hits;
        this.facts = facts;
    }

    /** Reports a finding at {@code node}'s exact range. */
    public void hit(Node node, String message, String fixHint) {
        int start = node.getBegin().map(p -> p.line).orElse(1);
        int end = node.getEnd().map(p -> p.line).orElse(start);
        hits.add(new Hit(checkId, file.path(), start, end, message, fixHint, anchorOf(node), columnOf(node), List.of(), List.of()));
    }

    /** Reports a finding on the first line of {@code node} only (e.g. a method's signature, not its body). */
    public void hitOnFirstLine(Node node, String message, String fixHint) {
        int start = node.getBegin().map(p -> p.line).orElse(1);
        hits.add(new Hit(checkId, file.path(), start, start, message, fixHint, anchorOf(node), columnOf(node), List.of(), List.of()));
    }

    private static int columnOf(Node node) {
        return node.getBegin().map(p -> p.column).orElse(0);
    }

    /** Records a fact for this check's phase two. */
    public void fact(String kind, String subject, String detail, Node node) {
        int line = node.getBegin().map(p -> p.line).orElse(1);
        facts.add(new Fact(checkId, kind, subject, detail, file.ownerOf(node), line));
    }

    private String anchorOf(Node node) {
        String text;
        if (node instanceof CallableDeclaration<?> callable) {
            text = callable.getDeclarationAsString(false, false, false);
        } else {
            text = node.toString();
        }
        return file.ownerOf(node) + " " + normalize(text);
    }

    static String normalize(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > ANCHOR_TEXT_LIMIT ? oneLine.substring(0, ANCHOR_TEXT_LIMIT) : oneLine;
    }
}
