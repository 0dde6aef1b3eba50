package com.example.learning.adapter.in.kafka;

import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads instants in their usual form with {@link IsoInstants} and leaves every other text, and every other token, to
 * Jackson's own deserializer, configured as before; a deserializer of instants the application registers itself is
 * left alone. Spring Boot adds this module to the application's JsonMapper,
 * which the {@link EventDecoder} reads records with.
 */
@Component
public class IsoInstantModule extends SimpleModule {
    public IsoInstantModule() {
        super(IsoInstantModule.class.getSimpleName());
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                    ValueDeserializer<?> deserializer) {
                // Only Jackson's own: a deserializer the application registered for instants keeps every text.
                return bean.getBeanClass() == Instant.class && deserializer instanceof InstantDeserializer<?> ? new UsualFormFirst(deserializer)
                        : deserializer;
            }
        });
    }

    private static final class UsualFormFirst extends DelegatingDeserializer {
        UsualFormFirst(ValueDeserializer<?> standard) {
            super(standard);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant usual = IsoInstants.parse(parser.getString());
                if (usual != null) {
                    return usual;
                }
            }
            return super.deserialize(parser, context);
        }

        /** A property with a format of its own (@JsonFormat) is read by the standard deserializer alone. */
        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> contextual) {
            return contextual;
        }
    }
}
