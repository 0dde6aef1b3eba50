package dev.tenet.rules.checks.layering;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerReturnsDtoCheckTests {
    private static final List<String> RULE = List.of("layering.controller-returns-dto");
    private static final String ENTITIES = """
            // file: TrainingProgressEntity.java
            package com.acme.learning.adapter.mysql;

            import jakarta.persistence.Entity;

            @Entity
            public class TrainingProgressEntity {
            }
            // file: SessionDocument.java
            package com.acme.learning.adapter.mongo;

            import org.springframework.data.mongodb.core.mapping.Document;

            @Document("sessions")
            public class SessionDocument {
            }
            // file: ProgressResponse.java
            package com.acme.learning.web;

            public record ProgressResponse(String userId, long minutes) {
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aWildcardResponseWhoseBodyComesFromAServiceReturningAnEntity() {
        assertFindings(dir, RULE, """
                // file: CustomerController.java
                package com.acme.shop.web;

                import com.acme.shop.CustomerService;
                import org.springframework.http.HttpStatus;
                import org.springframework.http.ResponseEntity;
                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.PutMapping;
                import org.springframework.web.bind.annotation.RestController;

                @RestController
                public class CustomerController {
                    private final CustomerService customers;

                    CustomerController(CustomerService customers) {
                        this.customers = customers;
                    }

                    @GetMapping("/customers")
                    public ResponseEntity<?> all() {
                        return ResponseEntity.ok(customers.findAll()); // VIOLATION: layering.controller-returns-dto
                    }

                    @PutMapping("/customers")
                    public ResponseEntity<?> update(String name) {
                        return ResponseEntity.status(HttpStatus.ACCEPTED).body(customers.rename(name)); // VIOLATION: layering.controller-returns-dto
                    }

                    @GetMapping("/customers/count")
                    public ResponseEntity<?> count() {
                        return ResponseEntity.ok(customers.count());
                    }
                }
                // file: CustomerService.java
                package com.acme.shop;

                import java.util.List;

                public class CustomerService {
                    public List<Customer> findAll() {
                        return List.of();
                    }

                    public Customer rename(String name) {
                        return null;
                    }

                    public long count() {
                        return 0;
                    }
                }
                // file: Customer.java
                package com.acme.shop;

                import jakarta.persistence.Entity;

                @Entity
                public class Customer {
                }
                """);
    }

    @Test
    void anEntityReturnedDirectlyOrInsideWrappersIsReported() {
        assertFindings(dir, RULE, ENTITIES, """
                // file: ProgressController.java
                package com.acme.learning.web;

                import com.acme.learning.adapter.mongo.SessionDocument;
                import com.acme.learning.adapter.mysql.TrainingProgressEntity;
                import java.util.List;
                import java.util.Optional;
                import org.springframework.data.domain.Page;
                import org.springframework.http.ResponseEntity;
                import org.springframework.web.bind.annotation.*;
                import reactor.core.publisher.Flux;

                @RestController
                @RequestMapping("/users/{userId}")
                public class ProgressController {
                    @GetMapping("/progress")
                    public TrainingProgressEntity progress(@PathVariable String userId) { // VIOLATION: layering.controller-returns-dto
                        return null;
                    }

                    @GetMapping("/history")
                    public ResponseEntity<List<TrainingProgressEntity>> history(@PathVariable String userId) { // VIOLATION: layering.controller-returns-dto
                        return null;
                    }

                    @PostMapping("/sessions")
                    public Optional<? extends SessionDocument> start(@PathVariable String userId) { // VIOLATION: layering.controller-returns-dto
                        return Optional.empty();
                    }

                    @GetMapping("/sessions")
                    public Page<SessionDocument> sessions(@PathVariable String userId) { // VIOLATION: layering.controller-returns-dto
                        return null;
                    }

                    @RequestMapping(path = "/stream", method = RequestMethod.GET)
                    public Flux<SessionDocument> stream(@PathVariable String userId) { // VIOLATION: layering.controller-returns-dto
                        return null;
                    }

                    @GetMapping("/summary")
                    public ProgressResponse summary(@PathVariable String userId) {
                        return null;
                    }
                }
                """);
    }

    @Test
    void aControllerWithResponseBodyOnTheClassOrMethodCounts() {
        assertFindings(dir, RULE, ENTITIES, """
                // file: LegacyProgressController.java
                package com.acme.learning.web;

                import com.acme.learning.adapter.mysql.TrainingProgressEntity;
                import org.springframework.stereotype.Controller;
                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.ResponseBody;

                @Controller
                public class LegacyProgressController {
                    @ResponseBody
                    @GetMapping("/legacy/progress")
                    public TrainingProgressEntity progress() { // VIOLATION: layering.controller-returns-dto
                        return null;
                    }

                    @GetMapping("/legacy/page")
                    public String page() {
                        return "progress";
                    }
                }
                """);
    }

    @Test
    void genericArgumentsAreReadFromTheReturnTypeAsWritten() {
        assertThat(ControllerReturnsDtoCheck.typeNames("Mono<ResponseEntity<Map<String, List<? extends a.b.Order>>>>"))
                .containsExactly("Mono", "ResponseEntity", "Map", "String", "List", "a.b.Order");
        assertThat(ControllerReturnsDtoCheck.typeNames("Order[]")).containsExactly("Order");
    }

    @Nested
    class NoViolation {
        @Test
        void dtosViewsAndNonHandlerMethodsAreSilent() {
            assertFindings(dir, RULE, ENTITIES, """
                    // file: ProgressController.java
                    package com.acme.learning.web;

                    import com.acme.learning.adapter.mysql.TrainingProgressEntity;
                    import java.util.List;
                    import org.springframework.http.ResponseEntity;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class ProgressController {
                        @GetMapping("/progress")
                        public ResponseEntity<List<ProgressResponse>> progress() {
                            return null;
                        }

                        TrainingProgressEntity load(String userId) {
                            return null;
                        }
                    }
                    // file: ProgressPage.java
                    package com.acme.learning.web;

                    import com.acme.learning.adapter.mysql.TrainingProgressEntity;
                    import org.springframework.stereotype.Controller;
                    import org.springframework.web.bind.annotation.GetMapping;

                    @Controller
                    public class ProgressPage {
                        @GetMapping("/page")
                        public TrainingProgressEntity model() {
                            return null;
                        }
                    }
                    """);
        }

        @Test
        void aLibraryTypeNamedLikeAnEntityIsSilent() {
            assertFindings(dir, RULE, """
                    package com.acme.learning.web;

                    import org.springframework.http.ResponseEntity;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class HealthController {
                        @GetMapping("/health")
                        public ResponseEntity<org.springframework.boot.actuate.health.Health> health() {
                            return null;
                        }
                    }
                    """);
        }
    }
}
