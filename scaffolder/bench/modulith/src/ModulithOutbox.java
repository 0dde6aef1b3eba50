package @BASE@.adapter.out.modulith;

import @BASE@.domain.@EVENT@;
import @BASE@.domain.port.@PORT@;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The Spring Modulith variant of the outbox port: each event is published as an application event in the caller's
 * transaction; Modulith's JDBC event publication registry records it in that transaction and, after the commit,
 * externalizes it to Kafka ({@link ModulithExternalization}). Bench-only: written by scaffolder/bench/modulith/apply.sh.
 */
@Component
public class Modulith@PORT@ implements @PORT@ {
    private final ApplicationEventPublisher events;

    public Modulith@PORT@(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void append(List<@EVENT@> published) {
        published.forEach(events::publishEvent);
    }
}
