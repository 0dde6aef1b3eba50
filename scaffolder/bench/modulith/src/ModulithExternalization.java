package @BASE@.adapter.out.modulith;

import @BASE@.domain.@EVENT@;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.RoutingTarget;
import tools.jackson.databind.json.JsonMapper;

/**
 * Externalizes every {@link @EVENT@} to the topic the generated relay publishes to, keyed by {@code @KEY@}, with the
 * same JSON value and the same {@code eventId} and {@code event-version} headers, so downstream consumers cannot tell
 * the variants apart. The event is mapped to its JSON string here because the service's producer serializes strings
 * (Modulith's own JSON converter is switched off: {@code spring.modulith.events.kafka.enable-json=false}).
 * {@code modulith.serialize-externalization} is Modulith 2.0's switch to externalize one event at a time.
 */
@Configuration(proxyBeanMethods = false)
public class ModulithExternalization {

    @Bean
    EventExternalizationConfiguration eventExternalization(JsonMapper json, @Value("${@TOPIC_PROPERTY@}") String topic,
            @Value("${modulith.serialize-externalization:false}") boolean serialize) {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(@EVENT@.class)
                .serializeExternalization(serialize)
                .route(@EVENT@.class, e -> RoutingTarget.forTarget(topic).andKey(e.@KEY@()))
                // a Message, not headers(): Modulith looks headers up by the mapped payload's type, a String here
                .mapping(@EVENT@.class, e -> MessageBuilder.withPayload(json.writeValueAsString(e))
                        .setHeader("eventId", e.eventId().getBytes(StandardCharsets.UTF_8))
                        .setHeader("event-version", String.valueOf(@EVENT@.SCHEMA_VERSION).getBytes(StandardCharsets.US_ASCII))
                        .build())
                .build();
    }
}
