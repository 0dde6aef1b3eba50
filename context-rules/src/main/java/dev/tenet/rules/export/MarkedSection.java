package dev.tenet.rules.export;

import dev.tenet.rules.TenetInputException;
import java.util.Optional;

/**
 * Tenet's part of a file people also edit, between two HTML comments. Only that part is ever
 * replaced; a file without it gets it appended; a file with a broken pair of markers is refused.
 */
public final class MarkedSection {
    public static final String BEGIN = "<!-- tenet:rules:begin -->";
    public static final String END = "<!-- tenet:rules:end -->";

    private MarkedSection() {
    }

    /**
     * @param file     the file's path, for error messages
     * @param existing the file's current text, if it exists
     * @param section  Tenet's section, without markers
     * @return the whole new text of the file
     */
    public static String merge(String file, Optional<String> existing, String section) {
        String marked = BEGIN + "\n" + section.strip() + "\n" + END + "\n";
        if (existing.isEmpty() || existing.get().isBlank()) {
            return marked;
        }
        String text = existing.get();
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 && end < 0) {
            return text.endsWith("\n\n") ? text + marked : text.endsWith("\n") ? text + "\n" + marked : text + "\n\n" + marked;
        }
        if (begin < 0 || end < begin || text.indexOf(BEGIN, begin + 1) >= 0 || text.indexOf(END, end + 1) >= 0) {
            throw new TenetInputException(file, lineOf(text, Math.max(begin, end)),
                    "Tenet's section markers are broken (expected one '" + BEGIN + "' followed by one '" + END
                            + "'); fix or remove them, then export again");
        }
        int after = end + END.length();
        if (after < text.length() && text.charAt(after) == '\n') {
            after++;
        }
        return text.substring(0, begin) + marked + text.substring(after);
    }

    private static int lineOf(String text, int index) {
        return index < 0 ? 0 : (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
