package dev.aftersales.local;

import java.nio.file.Path;
import java.util.Map;

/** The launcher's options: {@code --name=value}; every one has a default. */
final class CommandLine {

    static final String USAGE = """
            Usage: ./run-local.sh [options]
              Starts a Kafka broker, a MongoDB-wire store and the four services, loads the demo
              archive on first start, prints URLs and demo tokens. Ctrl-C stops everything.

              --data=DIR              data folder, kept across restarts (default ./data, relative to the repository)
              --repo=DIR              source tree with the built service jars (default: found from here)
              --broker-port=N         Kafka listener (default 9092)
              --controller-port=N     Kafka KRaft controller (default 9093)
              --store-port=N          MongoDB-wire store (default 27017)
              --intake-port=N  --dispatch-port=N  --parts-port=N  --followup-port=N
                                      service ports (default 8081, 8082, 8083, 8084)
              --instances N           N processes of each service (1-4, default 1) on the one broker and store;
                                      each on a free port of its own, the service's port forwards connections
                                      to them round-robin (per connection; SSE streams pass through); the
                                      instances' ports are printed and written to <data>/prometheus-targets.json
              --infra-only            only the broker and the store (run the services yourself)
              --no-demo               do not load the demo archive into a fresh data folder
              --no-cds                run the packaged jars as they are, without class-data archives
                                      (by default the second and later starts are about twice as fast)
              --demo-traffic          play realistic hotline traffic (calls of every kind, technicians'
                                      visits, return calls and surveys) so the dashboards show a living business
              --speed N               run the platform clock N times faster than the wall clock (e.g. 720: 12 h a
                                      minute); each advance lives through its due times in order
              --no-build              (run-local.sh) skip the Maven build, e.g. for a quick restart
              --store-heap=SIZE       (run-local.sh) heap of the launcher's JVM, which holds the store's
                                      documents in memory (default 384m; e.g. 1g for a 50,000-machine
                                      archive); each snapshot prints its cost and the heap in use
              --help                  this text
            """;

    private CommandLine() {}

    /** The heap this JVM, and so the store, may use: what {@code --store-heap} set. */
    static String storeHeap() {
        return "  The store's heap (this JVM): up to " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }

    /** The configuration the arguments ask for, or null when they ask for help. */
    static LocalStackConfig parse(String[] args) {
        var dataDir = Path.of("data");
        Path repoRoot = null;
        var options = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (arg.equals("--instances")) { // also written with a space, like --speed
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--instances needs a number, e.g. --instances 2");
                }
                options.put("instances", args[++i]);
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            var eq = arg.indexOf('=');
            options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        if (options.containsKey("data")) {
            dataDir = Path.of(required(options, "data"));
        }
        if (options.containsKey("repo")) {
            repoRoot = Path.of(required(options, "repo"));
        }
        var config = LocalStackConfig.defaults(dataDir, repoRoot != null ? repoRoot : defaultRepoRoot());
        for (var option : Map.copyOf(options).entrySet()) {
            var name = option.getKey();
            switch (name) {
                case "data", "repo" -> {}
                case "broker-port" -> config = config.withBrokerPorts(port(option.getValue()), config.controllerPort());
                case "controller-port" -> config = config.withBrokerPorts(config.brokerPort(), port(option.getValue()));
                case "store-port" -> config = config.withStorePort(port(option.getValue()));
                case "infra-only" -> config = config.withServices(false);
                case "no-demo" -> config = config.withDemo(false);
                case "no-cds" -> config = config.withClassDataSharing(false);
                case "instances" -> config = config.withInstances(instances(option.getValue()));
                default -> {
                    if (!name.endsWith("-port")) {
                        throw new IllegalArgumentException("unknown option --" + name);
                    }
                    var service = Service.byId(name.substring(0, name.length() - "-port".length()));
                    config = config.withServicePort(service, port(option.getValue()));
                }
            }
        }
        return config;
    }

    /** The source tree this launcher was built from; else the one around the working directory. */
    private static Path defaultRepoRoot() {
        var configured = System.getProperty("aftersales.repo-root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            var self = Path.of(LocalStack.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return LocalStackConfig.findRepoRoot(self);
        } catch (Exception e) {
            return LocalStackConfig.findRepoRoot(Path.of(""));
        }
    }

    private static String required(Map<String, String> options, String name) {
        var value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " needs a value");
        }
        return value;
    }

    private static int instances(String value) {
        if (!value.matches("\\d{1,2}")) {
            throw new IllegalArgumentException("--instances needs a number, e.g. --instances 2, not '" + value + "'");
        }
        var count = Integer.parseInt(value);
        if (count < 1 || count > LocalStackConfig.MAX_INSTANCES) {
            throw new IllegalArgumentException(
                    "--instances must be between 1 and " + LocalStackConfig.MAX_INSTANCES + ", not " + count);
        }
        return count;
    }

    private static int port(String value) {
        try {
            var port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + value);
        }
    }
}
