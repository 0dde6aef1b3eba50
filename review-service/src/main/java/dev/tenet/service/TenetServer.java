package dev.tenet.service;

import dev.tenet.rules.engine.BuildInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.log4j2.Log4J2LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** The running {@code tenet serve} process: one Spring Boot application hosting {@code /mcp}, the webhook and Actuator. */
public final class TenetServer implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final CountDownLatch stopped;

    private TenetServer(ConfigurableApplicationContext context, CountDownLatch stopped) {
        this.context = context;
        this.stopped = stopped;
    }

    /**
     * Starts the application; returns once it listens.
     *
     * @throws ServiceStartException when it cannot start for a reason the user can fix
     */
    public static TenetServer start(ServeSettings settings) {
        return start(settings, Map.of());
    }

    /**
     * @param extraProperties further Spring properties, over the defaults (e.g. {@code tenet.queue=kafka} and its settings);
     *                        the environment's own ({@code TENET_QUEUE=kafka}) are read as well
     */
    public static TenetServer start(ServeSettings settings, Map<String, Object> extraProperties) {
        // Explicit, because a shaded jar's merged spring.factories no longer lists Boot's logging systems in preference order.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, Log4J2LoggingSystem.class.getName());
        CountDownLatch stopped = new CountDownLatch(1);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ServiceApplication.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(true)
                .properties(properties(settings))
                .properties(extraProperties)
                .initializers(context -> context.getBeanFactory().registerSingleton("serveSettings", settings))
                .listeners(event -> {
                    if (event instanceof ContextClosedEvent) {
                        stopped.countDown();
                    }
                });
        try {
            return new TenetServer(builder.run(), stopped);
        } catch (RuntimeException e) {
            throw startFailure(e, settings);
        }
    }

    private static Map<String, Object> properties(ServeSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.address", settings.http().bind());
        properties.put("server.port", settings.http().port());
        properties.put("tenet.webhook.enabled", settings.github().isPresent());
        properties.put("management.endpoints.web.exposure.include", "health,prometheus");
        properties.put("management.endpoint.health.probes.enabled", true);
        properties.put("logging.structured.format.console", "ecs");
        properties.put("logging.structured.ecs.service.name", "tenet");
        properties.put("logging.structured.ecs.service.version", BuildInfo.version());
        // jmustache is on the classpath for the scaffolder's templates, not for web views.
        properties.put("spring.autoconfigure.exclude", "org.springframework.boot.autoconfigure.mustache.MustacheAutoConfiguration");
        // Start-up failures are reported by TenetServer as one line, not as Boot's multi-line failure analysis.
        properties.put("logging.level.org.springframework.boot.SpringApplication", "off");
        properties.put("logging.level.org.springframework.boot.diagnostics", "off");
        properties.put("logging.level.org.springframework.boot.web.embedded.tomcat", "off");
        properties.put("spring.main.allow-bean-definition-overriding", false);
        properties.put("spring.jmx.enabled", false);
        properties.put("server.shutdown", "graceful");
        return properties;
    }

    private static ServiceStartException startFailure(RuntimeException failure, ServeSettings settings) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PortInUseException || cause instanceof java.net.BindException) {
                return new ServiceStartException("cannot listen on " + settings.http().bind() + ":" + settings.http().port()
                        + ": the port is already in use (choose another with --port)");
            }
            if (cause instanceof ServiceStartException start) {
                return start;
            }
        }
        throw failure;
    }

    /** The port the server listens on. */
    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Blocks until the application stops (Ctrl-C or SIGTERM). */
    public void join() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        context.close();
    }
}
