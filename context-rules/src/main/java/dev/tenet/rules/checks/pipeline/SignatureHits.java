package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.Project.MethodEntry;

/** Reports a phase-two finding at a method's signature: the line of its name, not its body or annotations. */
final class SignatureHits {
    private SignatureHits() {
    }

    /**
     * @param anchorSuffix stable text after {@code Type#method} in the anchor (no line numbers)
     */
    static void hit(HitSink sink, MethodEntry method, String message, String fixHint, String anchorSuffix) {
        int line = method.method().startLine();
        sink.hit(method.file().path(), line, line, message, fixHint, method.label() + " " + anchorSuffix);
    }
}
