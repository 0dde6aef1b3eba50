package dev.tenet.rules.checks.resilience;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteCallInTransactionCheckTests {
    private static final List<String> RULE = List.of("resilience.remote-call-in-transaction");
    private static final String PARTNER = """
            // file: PartnerPayouts.java
            package com.acme.payments.adapter.partner;

            import org.springframework.web.client.RestClient;

            public class PartnerPayouts implements PayoutGateway {
                private final RestClient partner;

                public PartnerPayouts(RestClient partner) {
                    this.partner = partner;
                }

                @Override
                public String execute(String payoutId) {
                    return partner.post().uri("/payouts/{id}", payoutId).retrieve().body(String.class);
                }
            }
            // file: PayoutGateway.java
            package com.acme.payments.adapter.partner;

            public interface PayoutGateway {
                String execute(String payoutId);
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aTransactionalMethodCallingThePartnerDirectlyIsReported() {
        assertFindings(dir, RULE, """
                package com.acme.payments.application;

                import org.springframework.transaction.annotation.Transactional;
                import org.springframework.web.client.RestTemplate;

                public class PayoutService {
                    private final RestTemplate restTemplate;
                    private final PayoutRepository payouts;

                    PayoutService(RestTemplate restTemplate, PayoutRepository payouts) {
                        this.restTemplate = restTemplate;
                        this.payouts = payouts;
                    }

                    @Transactional
                    public void pay(String payoutId) {
                        payouts.markInFlight(payoutId);
                        restTemplate.postForObject("https://partner.example/payouts", payoutId, String.class); // VIOLATION: resilience.remote-call-in-transaction
                    }
                }
                """);
    }

    @Test
    void aQualifiedAnnotationAndAPackagePrivateMethodOfATransactionalClassCount() {
        assertFindings(dir, RULE, """
                package com.acme.payments.application;

                import org.springframework.web.client.RestTemplate;

                public class PayoutService {
                    private final RestTemplate restTemplate;

                    PayoutService(RestTemplate restTemplate) {
                        this.restTemplate = restTemplate;
                    }

                    @org.springframework.transaction.annotation.Transactional
                    public void pay(String payoutId) {
                        restTemplate.postForObject("https://partner.example/payouts", payoutId, String.class); // VIOLATION: resilience.remote-call-in-transaction
                    }
                }

                @jakarta.transaction.Transactional
                class RefundService {
                    private final RestTemplate restTemplate;

                    RefundService(RestTemplate restTemplate) {
                        this.restTemplate = restTemplate;
                    }

                    void refund(String refundId) {
                        restTemplate.postForObject("https://partner.example/refunds", refundId, String.class); // VIOLATION: resilience.remote-call-in-transaction
                    }
                }
                """);
    }

    @Test
    void aPartnerCallReachedThroughAPrivateHelperAndAnInterfaceInAnotherClassIsReportedOnce() {
        assertFindings(dir, RULE, PARTNER, """
                // file: PayoutService.java
                package com.acme.payments.application;

                import com.acme.payments.adapter.partner.PayoutGateway;
                import org.springframework.transaction.annotation.Transactional;

                @Transactional
                public class PayoutService {
                    private final PayoutGateway gateway;

                    PayoutService(PayoutGateway gateway) {
                        this.gateway = gateway;
                    }

                    public void pay(String payoutId) {
                        record(payoutId, send(payoutId)); // VIOLATION: resilience.remote-call-in-transaction
                    }

                    private String send(String payoutId) {
                        return gateway.execute(payoutId);
                    }

                    private void record(String payoutId, String reference) {
                    }
                }
                """);
    }

    @Test
    void aFeignClientCallCounts() {
        assertFindings(dir, RULE, """
                // file: PartnerClient.java
                package com.acme.payments.adapter.partner;

                import org.springframework.cloud.openfeign.FeignClient;
                import org.springframework.web.bind.annotation.PostMapping;

                @FeignClient("partner")
                public interface PartnerClient {
                    @PostMapping("/payouts")
                    String execute(String payoutId);
                }
                // file: PayoutService.java
                package com.acme.payments.application;

                import com.acme.payments.adapter.partner.PartnerClient;
                import jakarta.transaction.Transactional;

                public class PayoutService {
                    private final PartnerClient partner;

                    PayoutService(PartnerClient partner) {
                        this.partner = partner;
                    }

                    @Transactional
                    public String pay(String payoutId) {
                        return partner.execute(payoutId); // VIOLATION: resilience.remote-call-in-transaction
                    }
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void aCallOutsideTheTransactionOrAfterAnAsyncHopIsSilent() {
            assertFindings(dir, RULE, PARTNER, """
                    // file: PayoutService.java
                    package com.acme.payments.application;

                    import com.acme.payments.adapter.partner.PayoutGateway;
                    import org.springframework.transaction.annotation.Propagation;
                    import org.springframework.transaction.annotation.Transactional;

                    public class PayoutService {
                        private final PayoutGateway gateway;
                        private final PayoutNotifier notifier;
                        private final PayoutRepository payouts;

                        PayoutService(PayoutGateway gateway, PayoutNotifier notifier, PayoutRepository payouts) {
                            this.gateway = gateway;
                            this.notifier = notifier;
                            this.payouts = payouts;
                        }

                        public void pay(String payoutId) {
                            String reference = gateway.execute(payoutId);
                            payouts.markPaid(payoutId, reference);
                        }

                        @Transactional
                        public void complete(String payoutId) {
                            payouts.markPaid(payoutId, "done");
                            notifier.notifyPartner(payoutId);
                        }

                        @Transactional(propagation = Propagation.NOT_SUPPORTED)
                        public void reconcile(String payoutId) {
                            gateway.execute(payoutId);
                        }
                    }
                    // file: PayoutNotifier.java
                    package com.acme.payments.application;

                    import com.acme.payments.adapter.partner.PayoutGateway;
                    import org.springframework.scheduling.annotation.Async;

                    public class PayoutNotifier {
                        private final PayoutGateway gateway;

                        PayoutNotifier(PayoutGateway gateway) {
                            this.gateway = gateway;
                        }

                        @Async
                        public void notifyPartner(String payoutId) {
                            gateway.execute(payoutId);
                        }
                    }
                    """);
        }

        @Test
        void aTransactionalClassDoingOnlyDatabaseWorkIsSilent() {
            assertFindings(dir, RULE, """
                    package com.acme.payments.application;

                    import org.springframework.transaction.annotation.Transactional;

                    @Transactional
                    public class PayoutLedger {
                        private final PayoutRepository payouts;

                        PayoutLedger(PayoutRepository payouts) {
                            this.payouts = payouts;
                        }

                        public void settle(String payoutId) {
                            write(payoutId);
                        }

                        private void write(String payoutId) {
                            payouts.markPaid(payoutId, "settled");
                        }
                    }
                    """);
        }
    }
}
