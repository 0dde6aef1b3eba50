package dev.tenet.review.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretRedactorTests {

    @ParameterizedTest
    @ValueSource(strings = {
        "String id = \"AKIAIOSFODNN7EXAMPLE\";",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "token: ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "String pat = \"github_pat_11ABCDEFG0123456789_abcdefghijklmnop\";",
        "headers.set(\"Authorization\", \"Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig\");",
        "spring.datasource.url=jdbc:mysql://db:3306/app?user=app&password=s3cr3tpass",
        "url: jdbc:postgresql://app:s3cr3tpass@db:5432/app",
        "spring.datasource.password=s3cr3tpass",
        "private static final String DB_PASSWORD = \"s3cr3tpass\";",
        "client-secret: 's3cr3tpass'",
        "String key = \"sk-proj-abcdefghijklmnopqrstuvwxyz\";",
    })
    void aSecretIsBlanked(String line) {
        SecretRedactor.Redacted redacted = SecretRedactor.redact(line);

        assertThat(redacted.count()).isPositive();
        assertThat(redacted.text()).contains(SecretRedactor.MASK)
                .doesNotContain("s3cr3tpass", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "ghp_abc", "github_pat_11", "eyJhbGci", "sk-proj-abc");
    }

    @Test
    void aPrivateKeyBlockIsBlankedKeepingItsLineCount() {
        String text = "a\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabcdef\n-----END RSA PRIVATE KEY-----\nb\n";

        SecretRedactor.Redacted redacted = SecretRedactor.redact(text);

        assertThat(redacted.text()).doesNotContain("MIIEowIBAAKCAQEA").startsWith("a\n[REDACTED]").endsWith("\nb\n");
        assertThat(redacted.text().lines()).hasSameSizeAs(text.lines().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "String password = request.getPassword();",
        "if (token == null) { return; }",
        "passwordEncoder.matches(raw, user.hash());",
    })
    void codeThatOnlyNamesASecretIsLeftAlone(String line) {
        assertThat(SecretRedactor.redact(line).text()).isEqualTo(line);
    }
}
