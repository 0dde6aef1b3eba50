package com.acme.learning.application;

import com.acme.learning.domain.port.CertificatePort;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

/** Issues certificates by calling the certificate partner directly. */
@Service
public class CertificateService implements CertificatePort {
    private final RestTemplate restTemplate; // VIOLATION: layering.outbound-through-ports

    public CertificateService(RestTemplate restTemplate) {
        this.restTemplate = restTemplate;
    }

    @Override
    public void issue(String userId) {
        restTemplate.postForObject("https://certificates.partner.example/v1/certificates", userId, String.class);
    }
}
