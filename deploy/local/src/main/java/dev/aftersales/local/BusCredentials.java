package dev.aftersales.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The passwords of the local broker's principals: made once per data folder, kept in {@code
 * <data>/config/kafka-credentials.properties} (readable by its owner only), and handed to each
 * service in a file of its own that the service imports ({@code spring.config.import}), so that no
 * password is ever on a command line or in {@code ps}.
 */
final class BusCredentials {

    /** The controller listener's one principal: the broker's own, on its way to its controller. */
    static final String CONTROLLER = "controller";

    static final String SCRAM = "SCRAM-SHA-512";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path configDir;
    private final Map<String, String> passwords;
    private final boolean existed;

    private BusCredentials(Path configDir, Map<String, String> passwords, boolean existed) {
        this.configDir = configDir;
        this.passwords = passwords;
        this.existed = existed;
    }

    /** Reads the data folder's passwords; makes those still missing (all of them the first time). */
    static BusCredentials open(Path dataDir) {
        var configDir = dataDir.resolve("config");
        var file = configDir.resolve("kafka-credentials.properties");
        var passwords = new TreeMap<String, String>();
        var existed = Files.isRegularFile(file);
        try {
            if (existed) {
                var stored = new Properties();
                stored.load(new StringReader(Files.readString(file)));
                stored.stringPropertyNames().forEach(name -> passwords.put(name, stored.getProperty(name)));
            }
            var users = new java.util.ArrayList<>(BusAccess.users());
            users.add(CONTROLLER);
            var changed = !existed;
            for (var user : users) {
                if (!passwords.containsKey(user)) {
                    passwords.put(user, newPassword());
                    changed = true;
                }
            }
            if (changed) {
                var lines = new java.util.ArrayList<String>();
                lines.add("# Passwords of the local broker's principals, made by the local stack. Keep private.");
                passwords.forEach((user, password) -> lines.add(user + "=" + password));
                writePrivate(file, String.join("\n", lines) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BusCredentials(configDir, passwords, existed);
    }

    /** False the first time the data folder's broker got credentials (a new folder, or one from before them). */
    boolean existed() {
        return existed;
    }

    String password(String user) {
        var password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no principal " + user);
        }
        return password;
    }

    /** The JAAS line of a SCRAM client: what {@code sasl.jaas.config} holds. */
    String scramJaas(String user) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password(user) + "\";";
    }

    /** The controller listener's JAAS line: its one user, as server and as the broker's client. */
    String controllerJaas() {
        var password = password(CONTROLLER);
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER
                + "\" password=\"" + password + "\" user_" + CONTROLLER + "=\"" + password + "\";";
    }

    /** Client settings of {@code user} on the broker listener (for an admin client, a consumer, a producer). */
    Map<String, Object> client(String bootstrapServers, String user) {
        var props = new HashMap<String, Object>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", SCRAM);
        props.put("sasl.jaas.config", scramJaas(user));
        return props;
    }

    /**
     * Writes the file a service imports: its principal's credentials as standard Spring Boot
     * properties. Returns its path, the only part that goes on the service's command line.
     */
    Path writeServiceFile(Service service) {
        var file = configDir.resolve(service.id() + "-kafka.properties");
        writePrivate(
                file,
                String.join(
                        "\n",
                        List.of(
                                "# " + service.id() + "-service's credentials on the local broker, written by the"
                                        + " local stack at every start. Keep private.",
                                "spring.kafka.security.protocol=SASL_PLAINTEXT",
                                "spring.kafka.properties.sasl.mechanism=" + SCRAM,
                                "spring.kafka.properties.sasl.jaas.config=" + scramJaas(service.id()),
                                // the key that seals the service's page cursors: secret, and the same on every
                                // instance (derived from the service's own password, so kept with it)
                                "aftersales.paging.cursor-key=" + cursorKey(service),
                                "")));
        return file;
    }

    private String cursorKey(Service service) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("paging-cursor-key\n" + password(service.id()))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The admin's credentials for Kafka's own tools ({@code --command-config}) and for kcat ({@code -F}). */
    void writeAdminFiles(String bootstrapServers) {
        writePrivate(
                configDir.resolve("admin-client.properties"),
                String.join(
                        "\n",
                        List.of(
                                "# The local broker's admin, for Kafka's tools (--command-config). Keep private.",
                                "bootstrap.servers=" + bootstrapServers,
                                "security.protocol=SASL_PLAINTEXT",
                                "sasl.mechanism=" + SCRAM,
                                "sasl.jaas.config=" + scramJaas(BusAccess.ADMIN),
                                "")));
        writePrivate(
                configDir.resolve("admin-kcat.conf"),
                String.join(
                        "\n",
                        List.of(
                                "# The local broker's admin, for kcat -F. Keep private.",
                                "bootstrap.servers=" + bootstrapServers,
                                "security.protocol=SASL_PLAINTEXT",
                                "sasl.mechanisms=" + SCRAM,
                                "sasl.username=" + BusAccess.ADMIN,
                                "sasl.password=" + password(BusAccess.ADMIN),
                                "")));
    }

    /** Written readable by its owner only, from the first byte: the file is created with those rights. */
    static void writePrivate(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            var temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            try {
                Files.createFile(
                        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temp);
            }
            Files.writeString(temp, content);
            Files.move(
                    temp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newPassword() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
