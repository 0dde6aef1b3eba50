package dev.tenet.rules.checks.layering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QualifiedNamesTests {
    /** The definition the scanner implements, kept here as the oracle. */
    private static final Pattern DEFINITION = Pattern.compile("\\b[a-z_][\\w]*\\.(?:[a-z_][\\w]*\\.)+[A-Z]");

    @Test
    void findsPackageQualifiedTypeNames() {
        assertThat(QualifiedNames.containsOne("private com.acme.adapter.Client client;", 0)).isTrue();
        assertThat(QualifiedNames.containsOne("x = a.b.C;", 0)).isTrue();
        assertThat(QualifiedNames.containsOne("Foo.bar.baz.Qux q;", 0)).isTrue();
    }

    @Test
    void ignoresMemberAccessAndSingleSegments() {
        assertThat(QualifiedNames.containsOne("this.client.call(System.out);", 0)).isFalse();
        assertThat(QualifiedNames.containsOne("List<String> a = util.List.of();", 0)).isFalse();
        assertThat(QualifiedNames.containsOne("a.B.c.D", 0)).isFalse();
        assertThat(QualifiedNames.containsOne("com.acme.Client", 4)).isFalse();
    }

    @Test
    void agreesWithTheDefinitionOnRandomText() {
        Random random = new Random(7);
        String alphabet = "abzAZ_9. \n(";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String source = text.toString();
            int from = source.isEmpty() ? 0 : random.nextInt(source.length());
            while (from > 0 && Character.isLetterOrDigit(source.charAt(from - 1)) || from > 0 && source.charAt(from - 1) == '_') {
                from--; // the check starts at a line start, never inside a word
            }
            assertThat(QualifiedNames.containsOne(source, from)).as("%s from %d", source, from)
                    .isEqualTo(DEFINITION.matcher(source).find(from));
        }
    }
}
