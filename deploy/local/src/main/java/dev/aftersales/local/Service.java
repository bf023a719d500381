package dev.aftersales.local;

import java.nio.file.Path;

/** The four services of the platform, each a packaged Boot jar run as a child process with its own database. */
public enum Service {
    INTAKE("intake", 8081),
    DISPATCH("dispatch", 8082),
    PARTS("parts", 8083),
    FOLLOWUP("followup", 8084);

    private final String id;
    private final int defaultPort;

    Service(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    /** The short name: the database name, the log file name and the module prefix. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Where {@code mvn package} leaves the service's executable jar ({@code finalName} is set in its pom). */
    Path jarIn(Path repoRoot) {
        return repoRoot.resolve(id + "-service").resolve("target").resolve(id + "-service.jar");
    }

    public static Service byId(String id) {
        for (var service : values()) {
            if (service.id.equalsIgnoreCase(id)) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service " + id + " (intake, dispatch, parts, followup)");
    }
}
