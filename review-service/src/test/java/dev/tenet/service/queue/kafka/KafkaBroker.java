package dev.tenet.service.queue.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One embedded KRaft broker for a test class, and what tests ask the broker about their consumer group. */
public final class KafkaBroker implements AutoCloseable {
    private final EmbeddedKafkaKraftBroker broker;

    private KafkaBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    public static KafkaBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // A new group's first rebalance waits 3 s by default for more members to join.
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        return new KafkaBroker(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** The partition the producer's default partitioner puts {@code key} in. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }

    /** Waits until {@code members} consumers are in the group and every partition of the topic is assigned to one of them. */
    void awaitGroup(String groupId, int members, int partitions) {
        try (Admin admin = admin()) {
            Eventually.until("group " + groupId + " with " + members + " member(s) sharing " + partitions + " partition(s)", () -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                        .get(10, TimeUnit.SECONDS);
                List<MemberDescription> current = List.copyOf(group.members());
                return current.size() == members
                        && current.stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum() == partitions;
            });
        }
    }

    int partitionsOf(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().size();
        }
    }

    int groupMembers(String groupId) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get(10, TimeUnit.SECONDS).members().size();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
