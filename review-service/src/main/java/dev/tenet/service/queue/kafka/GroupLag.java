package dev.tenet.service.queue.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer group's lag on the jobs topic: records written and not yet committed by the group, i.e. jobs accepted by any
 * replica and not finished by any (waiting, running, or waiting to be superseded). Every replica sees the same number.
 */
final class GroupLag {
    private static final Logger LOG = LoggerFactory.getLogger(GroupLag.class);
    private static final long TIMEOUT_SECONDS = 2;

    private final Admin admin;
    private final String topic;
    private final String groupId;
    private volatile int last;

    GroupLag(Admin admin, String topic, String groupId) {
        this.admin = admin;
        this.topic = topic;
        this.groupId = groupId;
    }

    /** The lag now, or the last one known when Kafka does not answer in time. */
    int jobs() {
        try {
            last = (int) Math.min(Integer.MAX_VALUE, measure());
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("cannot measure the lag of group {} on {}: {}", groupId, topic, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return last;
    }

    private long measure() throws ExecutionException, TimeoutException, InterruptedException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        description.partitions().forEach(p -> {
            latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
        });
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition partition : latest.keySet()) {
            OffsetAndMetadata done = committed.get(partition);
            // A partition the group never committed is read from its start (auto.offset.reset=earliest).
            long from = done != null ? done.offset() : starts.get(partition).offset();
            lag += Math.max(0, ends.get(partition).offset() - from);
        }
        return lag;
    }
}
