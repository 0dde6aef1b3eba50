package com.acme.learning.domain.port;

/** Issues course certificates. */
public interface CertificatePort {
    void issue(String userId);
}
