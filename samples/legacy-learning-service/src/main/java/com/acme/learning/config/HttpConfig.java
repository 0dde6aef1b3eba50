package com.acme.learning.config;

import java.time.Duration;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/** Partner HTTP clients, each with connect and read timeouts. */
@Configuration
public class HttpConfig {
    @Bean
    public RestTemplate certificateRestTemplate(RestTemplateBuilder builder) {
        return builder.connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(2)).build();
    }

    @Bean
    public RestClient paymentRestClient() {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory();
        requestFactory.setReadTimeout(Duration.ofSeconds(2));
        return RestClient.builder().baseUrl("https://payments.partner.example").requestFactory(requestFactory).build();
    }
}
