package com.example.learning.domain.port;

import java.util.Collection;
import java.util.Set;

/** The idempotency store: which consumed events were already applied. */
public interface ProcessedEvents {
    /**
     * Records the ids not seen before and returns them; ids already processed are left out.
     *
     * @param consumer the consumer (its listener id), so two consumers may see the same id
     * @param eventIds the ids of a batch, in order
     * @return the ids that are new, which the caller must now apply
     */
    Set<String> claim(String consumer, Collection<String> eventIds);
}
