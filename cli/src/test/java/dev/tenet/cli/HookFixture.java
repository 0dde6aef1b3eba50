package dev.tenet.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A repository an agent edits, the hook events Claude Code and Cursor send about it (shaped as their hook
 * documentation shows them), and {@code tenet} run with such an event on stdin.
 */
final class HookFixture {
    static final String SERVICE = "src/main/java/com/acme/payments/application/PaymentService.java";
    static final String REPOSITORY = "src/main/java/com/acme/payments/persistence/PaymentRepository.java";

    /** A transactional method that saves through a JpaRepository and sends to Kafka: a dual write at line 23. */
    static final String DUAL_WRITE = """
            package com.acme.payments.application;

            import com.acme.payments.domain.Payment;
            import com.acme.payments.domain.PaymentCompleted;
            import com.acme.payments.persistence.PaymentRepository;
            import org.springframework.kafka.core.KafkaTemplate;
            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class PaymentService {
                private final PaymentRepository payments;
                private final KafkaTemplate<String, PaymentCompleted> kafkaTemplate;

                public PaymentService(PaymentRepository payments, KafkaTemplate<String, PaymentCompleted> kafkaTemplate) {
                    this.payments = payments;
                    this.kafkaTemplate = kafkaTemplate;
                }

                @Transactional
                public void complete(Payment payment) {
                    payments.save(payment.completed());
                    kafkaTemplate.send("payments.completed", payment.userId(), payment.toEvent());
                }
            }
            """;
    static final int DUAL_WRITE_LINE = 23;

    /** The same service fixed: the event goes to an outbox table in the same transaction. */
    static final String OUTBOX = """
            package com.acme.payments.application;

            import com.acme.payments.domain.Payment;
            import com.acme.payments.outbox.OutboxEvent;
            import com.acme.payments.outbox.OutboxRepository;
            import com.acme.payments.persistence.PaymentRepository;
            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class PaymentService {
                private final PaymentRepository payments;
                private final OutboxRepository outbox;

                public PaymentService(PaymentRepository payments, OutboxRepository outbox) {
                    this.payments = payments;
                    this.outbox = outbox;
                }

                @Transactional
                public void complete(Payment payment) {
                    payments.save(payment.completed());
                    outbox.save(OutboxEvent.of("payments.completed", payment.userId(), payment.toEvent()));
                }
            }
            """;

    static final String JPA_REPOSITORY = """
            package com.acme.payments.persistence;

            import com.acme.payments.domain.Payment;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface PaymentRepository extends JpaRepository<Payment, String> {
            }
            """;

    final Path repo;
    final Path cache;

    HookFixture(Path temp) throws IOException {
        this.repo = temp.resolve("repo").toAbsolutePath();
        this.cache = temp.resolve("cache").toAbsolutePath();
        Files.createDirectories(repo.resolve(".git"));
        write(REPOSITORY, JPA_REPOSITORY);
    }

    Path write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** Claude Code's PostToolUse event for an Edit of {@code file}, run from {@code cwd}. */
    static String claudeEdit(Path cwd, Path file) {
        return """
                {"session_id":"abc123","transcript_path":"/home/user/.claude/projects/x/abc123.jsonl","cwd":"%s",
                 "permission_mode":"default","hook_event_name":"PostToolUse","tool_name":"Edit",
                 "tool_input":{"file_path":"%s","old_string":"a","new_string":"b","replace_all":false},
                 "tool_response":{"filePath":"%s","success":true},"tool_use_id":"toolu_01"}
                """.formatted(json(cwd), json(file), json(file));
    }

    /** Cursor's afterFileEdit event for {@code file} in a workspace. */
    static String cursorEdit(Path workspace, Path file, String conversation) {
        return """
                {"conversation_id":"%s","generation_id":"gen-1","model":"claude-4-sonnet","hook_event_name":"afterFileEdit",
                 "cursor_version":"1.7.2","workspace_roots":["%s"],"user_email":"dev@example.com",
                 "file_path":"%s","edits":[{"old_string":"a","new_string":"b"}]}
                """.formatted(conversation, json(workspace), json(file));
    }

    /** Cursor's stop event. */
    static String cursorStop(Path workspace, String conversation, String status, int loopCount) {
        return """
                {"conversation_id":"%s","generation_id":"gen-2","model":"claude-4-sonnet","hook_event_name":"stop",
                 "cursor_version":"1.7.2","workspace_roots":["%s"],"user_email":"dev@example.com",
                 "status":"%s","loop_count":%d}
                """.formatted(conversation, json(workspace), status, loopCount);
    }

    /** Runs {@code tenet ARGS} with {@code stdin} as the process's standard input. */
    static Cli.Result run(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(original);
        }
    }

    /** {@code tenet hook --client CLIENT --no-server} with this fixture's cache and an event. */
    Cli.Result hook(String client, String event, String... extra) {
        String[] args = new String[5 + extra.length];
        args[0] = "hook";
        args[1] = "--client=" + client;
        args[2] = "--no-server";
        args[3] = "--cache-dir";
        args[4] = cache.toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        return run(event, args);
    }

    private static String json(Path path) {
        return path.toString().replace("\\", "\\\\");
    }
}
