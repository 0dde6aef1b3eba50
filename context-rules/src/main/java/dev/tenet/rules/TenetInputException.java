package dev.tenet.rules;

import java.nio.file.Path;

/**
 * Bad input from the user — a rule file, the config, a baseline, a suppression — reported with the
 * file and line it came from. The CLI turns it into exit code 2.
 */
public class TenetInputException extends RuntimeException {
    private final String file;
    private final int line;

    public TenetInputException(String file, int line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
    }

    public TenetInputException(Path file, int line, String problem) {
        this(file == null ? null : file.toString(), line, problem);
    }

    public TenetInputException(String problem) {
        this((String) null, 0, problem);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    private static String format(String file, int line, String problem) {
        if (file == null) {
            return problem;
        }
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }
}
