package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.CallGraph;
import dev.tenet.rules.engine.CallGraph.Reach;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.engine.ScanSink;
import dev.tenet.rules.model.Effect;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Auto-commit on, and a listener that hands the record to another thread: the consumer commits the
 * offset on its next poll, before the work is done, so a crash loses the message. Reported at the
 * listener, naming the hand-off and where auto-commit is set.
 */
public final class AutoCommitAsyncCheck implements Check {
    public static final String ID = "auto-commit-async";

    /** A place auto-commit is switched on. */
    private record Setting(String file, int line) {
        String where() {
            return file + ":" + line;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prefilter prefilter() {
        return AutoCommitSettings.PREFILTER;
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        AutoCommitSettings.record(file, sink);
    }

    @Override
    public void finish(Project project, HitSink sink) {
        Optional<Setting> setting = Stream.concat(
                project.properties().stream().filter(AutoCommitSettings::enables).map(p -> new Setting(p.file(), p.line())),
                project.facts(ID).stream().map(f -> new Setting(f.file().path(), f.fact().line())))
                .min(Comparator.comparing(Setting::file).thenComparingInt(Setting::line));
        if (setting.isEmpty()) {
            return;
        }
        CallGraph graph = project.callGraph();
        for (MethodEntry listener : KafkaListeners.in(project)) {
            Optional<Reach> handoff = graph.reach(listener, Set.of(Effect.THREAD_HANDOFF));
            handoff.ifPresent(reach -> sink.hit(graph.steps(reach), List.of(),
                    "Listener " + listener.label() + " hands the record to another thread (" + reach.effect().detail() + reach.via()
                            + ") while enable.auto.commit=true (" + setting.get().where()
                            + "): the offset is committed before the work finishes, so a crash loses the message",
                    "Turn auto-commit off and do the work on the listener thread, so the container commits the offset only after it succeeded.",
                    listener.label() + " auto-commit hand-off " + reach.effect().detail()));
        }
    }
}
