package dev.tenet.scaffold.spec;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.config.YamlNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a pipeline spec; every mistake is a {@link TenetInputException} naming the file, line and field. */
public final class SpecParser {
    private static final Set<String> KEYS = Set.of("service", "package", "database", "partitions", "aggregate", "consumers",
            "publishes", "idempotency", "retry", "partner", "cache", "relay");
    private static final Set<String> AGGREGATE_KEYS = Set.of("name", "key", "total");
    private static final Set<String> CONSUMER_KEYS = Set.of("topic", "event", "key", "id", "amount", "fields");
    private static final Set<String> PUBLISHES_KEYS = Set.of("topic", "event", "key");
    private static final Set<String> IDEMPOTENCY_KEYS = Set.of("store", "ttl");
    private static final Set<String> RETRY_KEYS = Set.of("attempts", "initialInterval", "multiplier", "maxInterval");
    private static final Set<String> PARTNER_KEYS = Set.of("name", "baseUrl", "path", "connectTimeout", "readTimeout");
    private static final Set<String> CACHE_KEYS = Set.of("ttl", "tiered", "localTtl", "localMaxSize");
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern PASCAL = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");

    private final String file;

    private SpecParser(String file) {
        this.file = file;
    }

    /** Parses a whole pipeline spec. */
    public static PipelineSpec parse(String yaml, String file) {
        return new SpecParser(file).pipeline(yaml);
    }

    /**
     * Parses one consumer entry (the shape of an item under {@code consumers:}) against an existing spec.
     *
     * @param yaml the consumer mapping
     * @param file the file it came from, for messages
     * @param spec the service's spec, whose aggregate the consumer feeds
     * @return the validated consumer
     */
    public static ConsumerSpec parseConsumer(String yaml, String file, PipelineSpec spec) {
        SpecParser parser = new SpecParser(file);
        MappingNode root = YamlNodes.parseMapping(yaml, file, 1);
        if (root == null) {
            throw new TenetInputException(file, 1, "empty consumer spec");
        }
        ConsumerSpec consumer = parser.consumer(root, spec.aggregate());
        parser.checkAgainst(consumer, spec, YamlNodes.line(root, 1));
        return consumer;
    }

    /** Checks that a consumer added to a spec clashes with nothing in it (topic, event or class names). */
    public static void checkNewConsumer(ConsumerSpec consumer, PipelineSpec spec, String file) {
        new SpecParser(file).checkAgainst(consumer, spec, 0);
    }

    private PipelineSpec pipeline(String yaml) {
        MappingNode root = YamlNodes.parseMapping(yaml, file, 1);
        if (root == null) {
            throw new TenetInputException(file, 1, "empty pipeline spec (expected service, package, database, aggregate, consumers, publishes)");
        }
        Map<String, Node> f = YamlNodes.fields(root, file, 1, KEYS);
        String service = matching(f, "service", root, SERVICE, "a kebab-case name such as learning-progress");
        String basePackage = matching(f, "package", root, PACKAGE, "a Java package such as com.example.learning");
        for (String part : basePackage.split("\\.")) {
            if (Names.isJavaKeyword(part)) {
                throw error(f.get("package"), "'package' contains the Java keyword '" + part + "'");
            }
        }
        String databaseText = YamlNodes.requiredString(f, "database", root, file, 1);
        Database database = Database.fromKey(databaseText).orElseThrow(() -> error(f.get("database"),
                "'database' is '" + databaseText + "' (expected mysql or postgres)"));
        int partitions = integer(f, "partitions", 6, 1, 1000);

        MappingNode aggregateNode = requiredMapping(f, "aggregate", root);
        Map<String, Node> a = YamlNodes.fields(aggregateNode, file, 1, AGGREGATE_KEYS);
        AggregateSpec aggregate = new AggregateSpec(
                matching(a, "name", aggregateNode, PASCAL, "a PascalCase class name such as TrainingProgress"),
                field(a, "key", aggregateNode), field(a, "total", aggregateNode));

        Node consumersNode = f.get("consumers");
        if (!(consumersNode instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw error(consumersNode == null ? root : consumersNode, "'consumers' must be a non-empty list of topics with their event");
        }
        List<ConsumerSpec> consumers = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            MappingNode mapping = YamlNodes.mapping(item, "consumers[]", file, 1);
            ConsumerSpec consumer = consumer(mapping, aggregate);
            PipelineSpec sofar = new PipelineSpec(service, basePackage, database, partitions, aggregate, consumers,
                    new PublishedSpec("", ""), IdempotencyStore.DATABASE, Duration.ZERO, null, Optional.empty(), Optional.empty(), Relay.POLLING);
            checkAgainst(consumer, sofar, YamlNodes.line(item, 1));
            consumers.add(consumer);
        }

        MappingNode publishesNode = requiredMapping(f, "publishes", root);
        Map<String, Node> p = YamlNodes.fields(publishesNode, file, 1, PUBLISHES_KEYS);
        PublishedSpec publishes = new PublishedSpec(matching(p, "topic", publishesNode, TOPIC, "a Kafka topic name"),
                matching(p, "event", publishesNode, PASCAL, "a PascalCase event name such as ProgressUpdated"));
        String publishedKey = YamlNodes.optionalString(p, "key", file, 1);
        if (publishedKey != null && !publishedKey.equals(aggregate.key())) {
            throw error(p.get("key"), "'publishes.key' is '" + publishedKey + "' but downstream events are keyed by the aggregate's key '"
                    + aggregate.key() + "' (per-key order)");
        }
        for (ConsumerSpec c : consumers) {
            if (c.topic().equals(publishes.topic()) || c.event().equals(publishes.event())) {
                throw error(publishesNode, "'publishes' reuses the topic or event name of consumer '" + c.topic() + "'");
            }
        }
        if (publishes.event().equals(aggregate.name())) {
            throw error(publishesNode, "'publishes.event' must differ from 'aggregate.name'");
        }

        IdempotencyStore store = IdempotencyStore.DATABASE;
        Duration idempotencyTtl = Duration.ofDays(7);
        MappingNode idempotencyNode = YamlNodes.mapping(f.get("idempotency"), "idempotency", file, 1);
        if (idempotencyNode != null) {
            Map<String, Node> i = YamlNodes.fields(idempotencyNode, file, 1, IDEMPOTENCY_KEYS);
            String storeText = YamlNodes.optionalString(i, "store", file, 1);
            if (storeText != null) {
                store = switch (storeText) {
                    case "database" -> IdempotencyStore.DATABASE;
                    case "redis" -> IdempotencyStore.REDIS;
                    default -> throw error(i.get("store"), "'idempotency.store' is '" + storeText + "' (expected database or redis)");
                };
            }
            idempotencyTtl = duration(i, "ttl", idempotencyTtl);
        }

        RetrySpec retry = new RetrySpec(3, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10));
        MappingNode retryNode = YamlNodes.mapping(f.get("retry"), "retry", file, 1);
        if (retryNode != null) {
            Map<String, Node> r = YamlNodes.fields(retryNode, file, 1, RETRY_KEYS);
            retry = new RetrySpec(integer(r, "attempts", retry.attempts(), 0, 20), duration(r, "initialInterval", retry.initialInterval()),
                    decimal(r, "multiplier", retry.multiplier()), duration(r, "maxInterval", retry.maxInterval()));
            if (retry.maxInterval().compareTo(retry.initialInterval()) < 0) {
                throw error(retryNode, "'retry.maxInterval' is shorter than 'retry.initialInterval'");
            }
        }

        Optional<PartnerSpec> partner = Optional.empty();
        MappingNode partnerNode = YamlNodes.mapping(f.get("partner"), "partner", file, 1);
        if (partnerNode != null) {
            Map<String, Node> pa = YamlNodes.fields(partnerNode, file, 1, PARTNER_KEYS);
            String path = Optional.ofNullable(YamlNodes.optionalString(pa, "path", file, 1)).orElse("/{key}");
            if (!path.startsWith("/") || !path.contains("{key}")) {
                throw error(pa.get("path"), "'partner.path' must start with / and contain {key}, e.g. /profiles/{key}");
            }
            String name = matching(pa, "name", partnerNode, PASCAL, "a PascalCase name such as Certification");
            partner = Optional.of(new PartnerSpec(name,
                    matching(pa, "baseUrl", partnerNode, URL, "an http(s) URL"), path,
                    duration(pa, "connectTimeout", Duration.ofSeconds(1)), duration(pa, "readTimeout", Duration.ofSeconds(2))));
        }

        Optional<CacheSpec> cache = Optional.empty();
        MappingNode cacheNode = YamlNodes.mapping(f.get("cache"), "cache", file, 1);
        if (cacheNode != null) {
            Map<String, Node> c = YamlNodes.fields(cacheNode, file, 1, CACHE_KEYS);
            if (!c.containsKey("ttl")) {
                throw error(cacheNode, "missing required key 'cache.ttl': every cache write needs a TTL");
            }
            Duration ttl = duration(c, "ttl", Duration.ZERO);
            boolean tiered = bool(c, "tiered", false);
            if (!tiered) {
                for (String localKey : List.of("localTtl", "localMaxSize")) {
                    if (c.containsKey(localKey)) {
                        throw error(c.get(localKey), "'cache." + localKey + "' needs 'cache.tiered: true' (there is no local tier without it)");
                    }
                }
            }
            Duration localTtl = duration(c, "localTtl", CacheSpec.defaultLocalTtl(ttl));
            if (localTtl.compareTo(ttl) > 0) {
                throw error(c.get("localTtl"), "'cache.localTtl' is longer than 'cache.ttl' (the local tier must not outlive Redis)");
            }
            cache = Optional.of(new CacheSpec(ttl, tiered, localTtl, integer(c, "localMaxSize", CacheSpec.DEFAULT_LOCAL_MAX_SIZE, 1, 10_000_000)));
        }
        Relay relay = relay(f);
        return new PipelineSpec(service, basePackage, database, partitions, aggregate, consumers, publishes, store,
                idempotencyTtl, retry, partner, cache, relay);
    }

    private Relay relay(Map<String, Node> f) {
        if (f.get("relay") == null) {
            return Relay.POLLING;
        }
        String text = YamlNodes.requiredString(f, "relay", f.get("relay"), file, 1);
        return Relay.fromKey(text).orElseThrow(() -> error(f.get("relay"), "'relay' is '" + text + "' (expected polling or debezium)"));
    }

    private ConsumerSpec consumer(MappingNode node, AggregateSpec aggregate) {
        Map<String, Node> c = YamlNodes.fields(node, file, 1, CONSUMER_KEYS);
        String topic = matching(c, "topic", node, TOPIC, "a Kafka topic name");
        String event = matching(c, "event", node, PASCAL, "a PascalCase event name such as LectureWatched");
        MappingNode fieldsNode = requiredMapping(c, "fields", node);
        List<FieldSpec> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : fieldsNode.getValue()) {
            String name = YamlNodes.scalar(tuple.getKeyNode(), file, 1, "a field name");
            if (!CAMEL.matcher(name).matches() || Names.isJavaKeyword(name)) {
                throw error(tuple.getKeyNode(), "field '" + name + "' of " + event + " must be a camelCase name that is not a Java keyword");
            }
            if (!seen.add(name)) {
                throw error(tuple.getKeyNode(), "field '" + name + "' of " + event + " is declared twice");
            }
            String typeText = YamlNodes.scalar(tuple.getValueNode(), file, 1, "a field type");
            FieldType type = FieldType.fromKey(typeText).orElseThrow(() -> error(tuple.getValueNode(),
                    "field '" + name + "' of " + event + " has type '" + typeText + "' (expected one of: " + FieldType.keys() + ")"));
            fields.add(new FieldSpec(name, type));
        }
        String key = Optional.ofNullable(YamlNodes.optionalString(c, "key", file, 1)).orElse(aggregate.key());
        String id = Optional.ofNullable(YamlNodes.optionalString(c, "id", file, 1)).orElse("eventId");
        String amount = YamlNodes.requiredString(c, "amount", node, file, 1);
        if (!key.equals(aggregate.key())) {
            throw error(c.get("key"), "'key' of " + event + " is '" + key + "' but the aggregate is keyed by '" + aggregate.key()
                    + "': records must be keyed by it so one key's events stay in order");
        }
        requireField(fields, key, event, "key", FieldType.STRING, fieldsNode);
        requireField(fields, id, event, "id", FieldType.STRING, fieldsNode);
        FieldSpec amountField = fields.stream().filter(x -> x.name().equals(amount)).findFirst()
                .orElseThrow(() -> error(c.get("amount"), "'amount' of " + event + " names '" + amount + "', which is not one of its fields"));
        if (!amountField.type().isCount()) {
            throw error(c.get("amount"), "'amount' of " + event + " must be an int or long field, not " + amountField.type().key());
        }
        if (key.equals(id) || amount.equals(id)) {
            throw error(node, "'id' of " + event + " must be its own field, not the key or the amount");
        }
        return new ConsumerSpec(topic, event, key, id, amount, fields);
    }

    private void checkAgainst(ConsumerSpec consumer, PipelineSpec spec, int line) {
        if (!consumer.key().equals(spec.aggregate().key())) {
            throw new TenetInputException(file, line, "'key' of " + consumer.event() + " must be the aggregate's key '" + spec.aggregate().key() + "'");
        }
        for (ConsumerSpec other : spec.consumers()) {
            if (other.topic().equals(consumer.topic())) {
                throw new TenetInputException(file, line, "topic '" + consumer.topic() + "' is already consumed by " + other.event());
            }
            if (other.event().equals(consumer.event())) {
                throw new TenetInputException(file, line, "event '" + consumer.event() + "' already exists (topic " + other.topic() + ")");
            }
        }
        if (consumer.event().equals(spec.aggregate().name()) || consumer.event().equals(spec.publishes().event())
                || consumer.topic().equals(spec.publishes().topic())) {
            throw new TenetInputException(file, line, "consumer " + consumer.event() + " clashes with the aggregate or the published event");
        }
    }

    private void requireField(List<FieldSpec> fields, String name, String event, String role, FieldType type, Node at) {
        FieldSpec field = fields.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> error(at, "event " + event + " has no field '" + name + "' (its " + role + ")"));
        if (field.type() != type) {
            throw error(at, "field '" + name + "' of " + event + " is its " + role + " and must be a " + type.key());
        }
    }

    private String matching(Map<String, Node> fields, String key, Node parent, Pattern pattern, String expected) {
        String value = YamlNodes.requiredString(fields, key, parent, file, 1);
        if (!pattern.matcher(value).matches()) {
            throw error(fields.get(key), "'" + key + "' is '" + value + "' (expected " + expected + ")");
        }
        return value;
    }

    private String field(Map<String, Node> fields, String key, Node parent) {
        return matching(fields, key, parent, CAMEL, "a camelCase field name");
    }

    private MappingNode requiredMapping(Map<String, Node> fields, String key, Node parent) {
        MappingNode node = YamlNodes.mapping(fields.get(key), key, file, 1);
        if (node == null) {
            throw error(parent, "missing required key '" + key + "'");
        }
        return node;
    }

    private int integer(Map<String, Node> fields, String key, int fallback, int min, int max) {
        String text = YamlNodes.optionalString(fields, key, file, 1);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(fields.get(key), "'" + key + "' is '" + text + "' (expected a whole number from " + min + " to " + max + ")");
    }

    private boolean bool(Map<String, Node> fields, String key, boolean fallback) {
        String text = YamlNodes.optionalString(fields, key, file, 1);
        if (text == null) {
            return fallback;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(fields.get(key), "'" + key + "' is '" + text + "' (expected true or false)");
        };
    }

    private double decimal(Map<String, Node> fields, String key, double fallback) {
        String text = YamlNodes.optionalString(fields, key, file, 1);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= 1.0 && value <= 10.0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(fields.get(key), "'" + key + "' is '" + text + "' (expected a number from 1.0 to 10.0)");
    }

    private Duration duration(Map<String, Node> fields, String key, Duration fallback) {
        String text = YamlNodes.optionalString(fields, key, file, 1);
        if (text == null) {
            return fallback;
        }
        return Durations.parse(text).filter(d -> !d.isZero()).orElseThrow(() -> error(fields.get(key),
                "'" + key + "' is '" + text + "' (expected a duration such as 500ms, 2s, 10m, 1h or 7d)"));
    }

    private TenetInputException error(Node node, String message) {
        return new TenetInputException(file, YamlNodes.line(node, 1), message);
    }
}
