package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet init} on four layouts seen in real codebases: what it prints, what it writes, and that the result loads and works. */
class InitCommandTests {
    @TempDir
    Path dir;

    private Cli.Result init(Path root, String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "init";
        args[1] = root.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return Cli.run(args);
    }

    private static Cli.Result check(Path root) {
        return Cli.run("check", root.toString(), "--no-cache", "--color", "never");
    }

    private static String config(Path root) throws IOException {
        return Files.readString(root.resolve(".tenet/config.yml"));
    }

    @Test
    void aClassicDomainApplicationAdapterLayoutGetsOneLayerPerTopPackage() throws IOException {
        Tree tree = new Tree(dir).pom("")
                .java("", "package com.acme.shop.domain;\npublic record Order(String id) {}\n")
                .java("", "package com.acme.shop.application;\nimport com.acme.shop.domain.Order;\n"
                        + "public class PlaceOrder { Order place(String id) { return new Order(id); } }\n")
                .java("", "package com.acme.shop.adapter.web;\npublic class OrderController {}\n")
                .java("", "package com.acme.shop.adapter.persistence;\npublic class OrderStore {}\n")
                .java("", "package com.acme.shop.config;\npublic class ShopConfig {}\n");

        Cli.Result result = init(tree.root());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .containsPattern("domain +com\\.acme\\.shop\\.domain\\.\\. +package com\\.acme\\.shop\\.domain is named for the domain layer \\(1 file\\)")
                .containsPattern("application +com\\.acme\\.shop\\.application\\.\\. +package com\\.acme\\.shop\\.application is named")
                .containsPattern("adapter +com\\.acme\\.shop\\.adapter\\.\\. +package com\\.acme\\.shop\\.adapter is named for the adapter layer \\(2 files\\)")
                .contains("Wrote .tenet/config.yml");
        assertThat(config(tree.root())).contains("""
                layers:
                  domain: ["com.acme.shop.domain.."]
                  application: ["com.acme.shop.application.."]
                  adapter: ["com.acme.shop.adapter.."]
                """);
        assertThat(check(tree.root()).exitCode()).isZero();
    }

    @Test
    void aHexagonalLayoutKeepsPortsInApplicationAndAPersistenceDomainPackageInTheAdapter() throws IOException {
        Tree tree = new Tree(dir).pom("")
                .java("", "package com.acme.pay.domain;\npublic record Account(String id, long balance) {}\n")
                .java("", "package com.acme.pay.application.port.in;\npublic interface SendMoneyUseCase { void send(String from, String to); }\n")
                .java("", "package com.acme.pay.application.port.out;\npublic interface LoadAccountPort { Object load(String id); }\n")
                .java("", "package com.acme.pay.application.service;\npublic class SendMoneyService {}\n")
                .java("", "package com.acme.pay.adapter.in.web;\npublic class SendMoneyController {}\n")
                .java("", "package com.acme.pay.adapter.out.persistence.domain;\nimport jakarta.persistence.Entity;\n"
                        + "@Entity\npublic class AccountEntity {}\n");

        Cli.Result before = check(tree.root());
        assertThat(before.out()).contains("Layering rules were not run").contains("tenet init")
                .doesNotContain("layering.domain-no-framework");

        Cli.Result result = init(tree.root());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .containsPattern("application +com\\.acme\\.pay\\.application\\.\\. ")
                .contains("note: package com.acme.pay.adapter.out.persistence.domain stays in the adapter layer: its 'domain' package "
                        + "sits inside the adapter layer (it holds @Entity AccountEntity)");
        assertThat(config(tree.root())).contains("""
                  domain: ["com.acme.pay.domain.."]
                  application: ["com.acme.pay.application.."]
                  adapter: ["com.acme.pay.adapter.."]
                """);
        Cli.Result after = check(tree.root());
        assertThat(after.exitCode()).as(after.out()).isZero();
        assertThat(after.out()).doesNotContain("Layering rules were not run");
    }

    @Test
    void servicesNestedUnderApplicationDomainLeaveOnlyTheModelInTheDomainLayer() throws IOException {
        Tree tree = new Tree(dir).pom("")
                .java("", "package com.x.account.application.domain.model;\nimport org.springframework.stereotype.Component;\n"
                        + "@Component\npublic class Account {}\n")
                .java("", "package com.x.account.application.domain.service;\nimport org.springframework.stereotype.Service;\n"
                        + "@Service\npublic class SendMoneyService {}\n")
                .java("", "package com.x.account.application.port.in;\npublic interface SendMoneyUseCase {}\n")
                .java("", "package com.x.account.adapter.in.web;\npublic class SendMoneyController {}\n")
                .java("", "package com.x.account.adapter.out.persistence;\npublic class AccountPersistenceAdapter {}\n");

        Cli.Result before = check(tree.root());
        assertThat(before.out()).contains("Layering rules were not run").contains("com.x.account.application.domain")
                .doesNotContain("layering.domain-no-framework");

        Cli.Result result = init(tree.root());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("domain +com\\.x\\.account\\.application\\.domain\\.model\\.\\. +package "
                + "com\\.x\\.account\\.application\\.domain\\.model is domain code inside the application layer; its sibling "
                + "com\\.x\\.account\\.application\\.domain\\.service stays in application");
        assertThat(config(tree.root())).contains("""
                  domain: ["com.x.account.application.domain.model.."]
                  application: ["com.x.account.application.."]
                  adapter: ["com.x.account.adapter.."]
                """);
        Cli.Result after = check(tree.root());
        assertThat(after.out()).as("the model's Spring import is reported, the service's is not")
                .contains("Account.java").contains("[layering.domain-no-framework]").doesNotContain("SendMoneyService.java");
    }

    @Test
    void layersAsBuildModulesSharingABasePackageAreTakenFromTheModuleNames() throws IOException {
        Tree tree = new Tree(dir).pom("").pom("core").pom("app").pom("adapter-persistence")
                .java("core", "package com.x.order;\nimport com.x.order.persistence.OrderRow;\n"
                        + "public class Order { OrderRow row; }\n")
                .java("core", "package com.x.order.policy;\npublic class Discounts {}\n")
                .java("app", "package com.x.order.service;\npublic class PlaceOrder {}\n")
                .java("adapter-persistence", "package com.x.order.persistence;\npublic class OrderRow {}\n");

        Cli.Result result = init(tree.root());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .containsPattern("domain +com\\.x\\.order +build module core is named for the domain layer")
                .containsPattern("domain +com\\.x\\.order\\.policy\\.\\. +build module core is named for the domain layer")
                .containsPattern("application +com\\.x\\.order\\.service\\.\\. +build module app is named for the application layer")
                .containsPattern("adapter +com\\.x\\.order\\.persistence\\.\\. +build module adapter-persistence is named for the adapter layer");
        assertThat(config(tree.root())).contains("""
                  domain: ["com.x.order", "com.x.order.policy.."]
                  application: ["com.x.order.service.."]
                  adapter: ["com.x.order.persistence.."]
                """);
        Cli.Result after = check(tree.root());
        assertThat(after.out()).as("core's import of the persistence module is an outward dependency")
                .contains("Order.java").contains("Domain code imports adapter code (com.x.order.persistence.OrderRow)");
    }

    @Test
    void anExistingConfigIsKeptWithoutForce() throws IOException {
        Tree tree = new Tree(dir).java("", "package com.acme.domain;\npublic record Order(String id) {}\n")
                .java("", "package com.acme.application;\npublic class PlaceOrder {}\n")
                .file(".tenet/config.yml", "rules:\n  pipeline.blocking-listener: info\n");

        Cli.Result refused = init(tree.root());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(".tenet/config.yml").contains("--force");
        assertThat(config(tree.root())).isEqualTo("rules:\n  pipeline.blocking-listener: info\n");

        Cli.Result forced = init(tree.root(), "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(config(tree.root())).contains("domain: [\"com.acme.domain..\"]");
    }

    @Test
    void aSecondRunWithoutForceRefusesAndLeavesTheWrittenFileUntouched() throws IOException {
        Tree tree = new Tree(dir).java("", "package com.acme.domain;\npublic record Order(String id) {}\n");
        assertThat(init(tree.root()).exitCode()).isZero();
        String written = config(tree.root());

        Cli.Result again = init(tree.root());

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(config(tree.root())).isEqualTo(written);
    }

    @Test
    void aTreeWithoutLayerNamesGetsNoConfigAndIsToldWhy() {
        Tree tree = new Tree(dir).java("", "package com.acme.orders;\npublic class Orders {}\n");

        Cli.Result result = init(tree.root());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("No layer found").contains("No config written");
        assertThat(tree.resolve(".tenet/config.yml")).doesNotExist();
    }
}
