package dev.tenet.rules.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one parser configuration Tenet uses (the engine and the parse-only benchmark floor alike):
 * Java 21 syntax with its post-processing ({@code var}, {@code yield}, records), but without
 * javaparser's language-level validators. Validation re-walks every tree to police what javac
 * already polices and costs about half as much again as parsing; no check needs it. Comments are
 * not attributed to nodes: javaparser's attribution is quadratic in the number of comments (a file
 * with 20,000 of them took minutes). Every comment stays in the parse result's
 * {@link com.github.javaparser.ParseResult#getCommentsCollection() comments collection}, which is
 * where {@link JavaFile#comments()} reads them; {@code Node.getComment()} is always empty.
 */
public final class JavaParsers {
    static final LanguageLevel LEVEL = LanguageLevel.JAVA_21;
    /** javaparser 3.28's constructor adds its processors in a fixed order; the language-level one is the fourth. */
    private static final int LANGUAGE_LEVEL_PROCESSOR = 3;
    private static final String LANGUAGE_LEVEL_PROCESSOR_CLASS = ParserConfiguration.class.getName() + "$2";
    private static final PostProcessors POST_PROCESSORS = postProcessorsOf(LEVEL);

    private JavaParsers() {
    }

    /** A new parser; parsers are not thread-safe, so keep one per thread. */
    public static JavaParser create() {
        ParserConfiguration configuration = new ParserConfiguration().setLanguageLevel(LEVEL).setAttributeComments(false);
        List<Supplier<Processor>> processors = configuration.getProcessors();
        if (POST_PROCESSORS != null && processors.size() > LANGUAGE_LEVEL_PROCESSOR
                && processors.get(LANGUAGE_LEVEL_PROCESSOR).get().getClass().getName().equals(LANGUAGE_LEVEL_PROCESSOR_CLASS)) {
            processors.set(LANGUAGE_LEVEL_PROCESSOR, () -> new Processor() {
                @Override
                public void postProcess(ParseResult<? extends Node> result, ParserConfiguration config) {
                    POST_PROCESSORS.postProcess(result, config);
                }
            });
        }
        return new JavaParser(configuration);
    }

    /**
     * Loads and initialises the parser's classes by parsing a tiny unit, for a caller that has a thread to spare
     * before the real parsing starts (javaparser's generated parser is among the largest classes Tenet loads).
     *
     * @return whether the tiny unit parsed
     */
    public static boolean warmUp() {
        return create().parse("record Warm(int a) { void m() { var b = switch (a) { default -> a; }; } }").isSuccessful();
    }

    /** A parser with javaparser's validators for the same level, comments unattributed like {@link #create()} (a benchmark reference). */
    public static JavaParser createValidating() {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(LEVEL).setAttributeComments(false));
    }

    private static PostProcessors postProcessorsOf(LanguageLevel level) {
        try {
            Field field = LanguageLevel.class.getDeclaredField("postProcessor");
            field.setAccessible(true);
            return (PostProcessors) field.get(level);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
