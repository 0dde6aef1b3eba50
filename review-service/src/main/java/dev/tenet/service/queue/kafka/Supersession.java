package dev.tenet.service.queue.kafka;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which waiting jobs a newer one of the same pull request supersedes. All jobs of a pull request share a key and so a partition,
 * in the order they were accepted: of the records one poll returned for a partition, only the last of each key is worth running.
 */
final class Supersession {
    private Supersession() {
    }

    /** @return the offsets of the records followed by a record of the same key in {@code records} (one partition, in order) */
    static Set<Long> supersededIn(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Long> newest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null) {
                newest.put(record.key(), record.offset());
            }
        }
        Set<Long> superseded = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null && newest.get(record.key()) != record.offset()) {
                superseded.add(record.offset());
            }
        }
        return superseded;
    }
}
