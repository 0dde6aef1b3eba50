package dev.tenet.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Tenet version and build stamp, from the jar (the build stamp keys the scan cache). */
public final class BuildInfo {
    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "dev");
    }

    public static String build() {
        return PROPERTIES.getProperty("build", "dev");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/tenet/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall back to "dev"
        }
        return properties;
    }
}
