package com.example.learning.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The learning.lecture-watched topic and its dead-letter topic, with the same partition count so a poison record keeps its partition. */
@Configuration(proxyBeanMethods = false)
public class LectureWatchedTopics {

    @Bean
    public NewTopic lectureWatchedTopic(@Value("${pipeline.topics.lecture-watched:learning.lecture-watched}") String topic, PipelineProperties properties) {
        return TopicBuilder.name(topic).partitions(properties.partitions()).build();
    }

    @Bean
    public NewTopic lectureWatchedDeadLetterTopic(@Value("${pipeline.topics.lecture-watched:learning.lecture-watched}") String topic,
            PipelineProperties properties) {
        return TopicBuilder.name(topic + ".DLT").partitions(properties.partitions()).build();
    }
}
