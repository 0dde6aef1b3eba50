package com.example.learning.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The learning.quiz-submitted topic and its dead-letter topic, with the same partition count so a poison record keeps its partition. */
@Configuration(proxyBeanMethods = false)
public class QuizSubmittedTopics {

    @Bean
    public NewTopic quizSubmittedTopic(@Value("${pipeline.topics.quiz-submitted:learning.quiz-submitted}") String topic, PipelineProperties properties) {
        return TopicBuilder.name(topic).partitions(properties.partitions()).build();
    }

    @Bean
    public NewTopic quizSubmittedDeadLetterTopic(@Value("${pipeline.topics.quiz-submitted:learning.quiz-submitted}") String topic,
            PipelineProperties properties) {
        return TopicBuilder.name(topic + ".DLT").partitions(properties.partitions()).build();
    }
}
