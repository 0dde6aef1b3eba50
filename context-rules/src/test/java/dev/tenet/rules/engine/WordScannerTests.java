package dev.tenet.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordScannerTests {
    private static final List<String> WORDS = List.of("Template", "RestTemplate", "edis", "Redis", "send", "static final String",
            "enable.auto.commit", "utbox", "UTBOX", "Client", "ClientHttp", "HttpClient", "he", "she", "hers");

    @Test
    void findsOverlappingNestedAndSuffixWords() {
        WordScanner scanner = new WordScanner(WORDS);
        boolean[] found = scanner.scan("class X { RestTemplate t; StringRedisTemplate r; void resend() {} } // ushers");
        assertThat(found[scanner.index("RestTemplate")]).isTrue();
        assertThat(found[scanner.index("Template")]).isTrue();
        assertThat(found[scanner.index("edis")]).isTrue();
        assertThat(found[scanner.index("Redis")]).isTrue();
        assertThat(found[scanner.index("send")]).isTrue();
        assertThat(found[scanner.index("she")]).isTrue();
        assertThat(found[scanner.index("he")]).isTrue();
        assertThat(found[scanner.index("hers")]).isTrue();
        assertThat(found[scanner.index("utbox")]).isFalse();
        assertThat(found[scanner.index("static final String")]).isFalse();
    }

    @Test
    void answersExactlyWhatContainsAnswersOnRandomTexts() {
        WordScanner scanner = new WordScanner(WORDS);
        Random random = new Random(42);
        String alphabet = "abdehilnorstuxyBCHORSTUX .é\n";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(8) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            boolean[] found = scanner.scan(text.toString());
            for (String word : WORDS) {
                assertThat(found[scanner.index(word)]).as("%s in %s", word, text).isEqualTo(text.toString().contains(word));
            }
        }
    }

    @Test
    void refusesAWordItWasNotBuiltWith() {
        assertThatThrownBy(() -> new WordScanner(WORDS).index("Kafka")).isInstanceOf(IllegalArgumentException.class);
    }
}
