package dev.tenet.rules.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one way a finding's fingerprint is made, whoever found it: rule, file and an anchor without line numbers. */
public final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * @param anchor     stable text identifying the place without line numbers
     * @param occurrence how many findings of the same rule, file and anchor came before this one
     */
    public static String of(String ruleId, String file, String anchor, int occurrence) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = ruleId + "\u0000" + file + "\u0000" + anchor + "\u0000" + occurrence;
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
