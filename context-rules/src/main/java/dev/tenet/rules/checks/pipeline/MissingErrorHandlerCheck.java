package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.FactEntry;
import dev.tenet.rules.engine.ScanSink;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A codebase with Kafka listeners but no error handler or dead-letter recoverer anywhere: Spring
 * Kafka's default retries a failing record ten times, then logs and skips it. Reported at each
 * listener container factory bean, else once at the first listener.
 */
public final class MissingErrorHandlerCheck implements Check {
    public static final String ID = "missing-error-handler";
    private static final String WHY = "Spring Kafka's default retries a failing record 10 times, then logs and skips it, so a poison message is lost";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.anyWord("KafkaListener", "ErrorHandler", "RetryTopic", "ListenerContainerFactory", "KafkaHandler");
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        ErrorHandlerFacts.record(file, sink);
    }

    @Override
    public void finish(Project project, HitSink sink) {
        List<FactEntry> facts = project.facts(ID);
        boolean dlqBinding = project.properties().stream()
                .anyMatch(p -> p.key().replace("-", "").toLowerCase(Locale.ROOT).endsWith("enabledlq") && p.value().equals("true"));
        if (dlqBinding || facts.stream().anyMatch(f -> f.fact().kind().equals(ErrorHandlerFacts.HANDLER))) {
            return;
        }
        List<FactEntry> listeners = ofKind(facts, ErrorHandlerFacts.LISTENER);
        if (listeners.isEmpty()) {
            return;
        }
        List<FactEntry> factories = ofKind(facts, ErrorHandlerFacts.FACTORY);
        if (!factories.isEmpty()) {
            factories.forEach(factory -> report(sink, factory, "Listener container factory " + factory.fact().subject()
                    + " sets no error handler and none is configured elsewhere: " + WHY));
        } else {
            report(sink, listeners.get(0), "Kafka listeners run with no error handler or dead-letter recoverer configured: " + WHY);
        }
    }

    private static List<FactEntry> ofKind(List<FactEntry> facts, String kind) {
        return facts.stream().filter(f -> f.fact().kind().equals(kind))
                .sorted(Comparator.comparing((FactEntry f) -> f.file().path()).thenComparingInt(f -> f.fact().line()))
                .toList();
    }

    private static void report(HitSink sink, FactEntry at, String message) {
        sink.hit(at.file().path(), at.fact().line(), at.fact().line(), message,
                "Configure a DefaultErrorHandler with a BackOff and a DeadLetterPublishingRecoverer (a bean Spring Boot picks up,"
                        + " or factory.setCommonErrorHandler), or use @RetryableTopic.",
                at.fact().owner() + " missing error handler");
    }
}
