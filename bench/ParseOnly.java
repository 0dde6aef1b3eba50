import com.github.javaparser.JavaParser;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.JavaParsers;
import dev.tenet.rules.engine.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The benchmark floor: lists the same files {@code tenet check} would and only parses them, with the
 * same parser settings and the same number of threads. Not part of the library: {@code bench/check-corpus.sh}
 * compiles it against the CLI jar and runs it as its own process; by hand, as a single-file program:
 * {@code java -cp cli/target/tenet.jar bench/ParseOnly.java DIR [THREADS] [--validating]};
 * {@code --validating} parses with javaparser's default validators on, for reference.
 */
public final class ParseOnly {
    private ParseOnly() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ParseOnly DIR [THREADS] [--validating]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int threads = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        boolean validating = List.of(args).contains("--validating");
        List<Path> files = SourceTree.scan(root, TenetConfig.defaults()).javaFiles();
        ThreadLocal<JavaParser> parser = ThreadLocal.withInitial(validating ? JavaParsers::createValidating : JavaParsers::create);
        long start = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(threads);
        long parsed = pool.submit(() -> files.parallelStream().filter(file -> {
            try {
                return parser.get().parse(Files.readString(file)).isSuccessful();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).count()).get();
        pool.shutdown();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("parsed %d of %d files in %d ms%n", parsed, files.size(), millis);
    }
}
