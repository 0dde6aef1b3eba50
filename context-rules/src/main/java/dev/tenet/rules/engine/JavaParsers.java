package dev.tenet.rules.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;

/**
 * The one parser configuration Tenet uses (the engine and the parse-only benchmark floor alike).
 * Tokens stay stored: without them javaparser attributes no comments, and suppression comments
 * would be lost.
 */
public final class JavaParsers {
    private JavaParsers() {
    }

    /** A new parser; parsers are not thread-safe, so keep one per thread. */
    public static JavaParser create() {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
    }
}
