package dev.aftersales.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Starts a service about twice as fast from the second start on, with a class-data-sharing archive
 * (AppCDS) of the classes it loads. The archive needs plain jars on the class path, so the packaged
 * jar is first extracted ({@code -Djarmode=tools extract}) to {@code <data>/cds/<svc>/app}; the first
 * run then writes the archive when the service stops, later runs map it.
 *
 * <p>A rebuilt jar (or another JDK) invalidates both: the stamp names what they were made from. A
 * JVM that was killed while writing leaves only the pending file, never a broken archive.
 */
final class ClassDataArchive {

    private final Service service;
    private final Path jar;
    private final Path dataDir;
    private final Path dir;
    private final Path appJar;
    private final Path archive;
    private final Path pending;
    private final Path stamp;

    ClassDataArchive(Service service, Path jar, Path dataDir) {
        this.service = service;
        this.jar = jar;
        this.dataDir = dataDir;
        this.dir = dataDir.resolve("cds").resolve(service.id());
        this.appJar = dir.resolve("app").resolve(jar.getFileName());
        this.archive = dir.resolve("app.jsa");
        this.pending = dir.resolve("app.jsa.pending");
        this.stamp = dir.resolve("stamp");
    }

    /**
     * What follows the JVM options on the command line: the extracted jar with its archive, or with
     * the request to write the archive at exit. The packaged jar if extracting fails.
     */
    List<String> launch() {
        try {
            prepare();
        } catch (RuntimeException e) {
            System.out.println(
                    "[local-stack] " + service.id() + " starts without a class-data archive: " + e.getMessage());
            return List.of("-jar", jar.toString());
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-jar", appJar.toString());
        }
        deleteIfExists(pending);
        // Writing the archive logs a warning per class it cannot hold (generated accessors); only errors matter.
        return List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds=error", "-jar", appJar.toString());
    }

    /**
     * For a second instance of a service, started next to the first: maps the archive when a valid
     * one exists, else runs the packaged jar; never extracts nor writes (the first instance does).
     */
    List<String> launchIfArchived() {
        try {
            if (Files.isRegularFile(archive)
                    && Files.isRegularFile(appJar)
                    && Files.isRegularFile(stamp)
                    && Files.readString(stamp).equals(expectedStamp())) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-jar", appJar.toString());
            }
        } catch (IOException | RuntimeException e) {
            // the packaged jar then
        }
        return List.of("-jar", jar.toString());
    }

    private String expectedStamp() {
        return jar + " " + lastModified(jar) + " " + sizeOf(jar) + " " + System.getProperty("java.home") + " "
                + System.getProperty("java.vm.version");
    }

    /** After a stop within the grace period the archive written at exit is complete and becomes the one used. */
    void stopped(boolean gracefully) {
        try {
            if (gracefully && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                deleteIfExists(pending);
            }
        } catch (IOException e) {
            deleteIfExists(pending);
        }
    }

    private void prepare() {
        var expected = expectedStamp();
        try {
            if (Files.isRegularFile(appJar)
                    && Files.isRegularFile(stamp)
                    && Files.readString(stamp).equals(expected)) {
                return;
            }
            deleteRecursively(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new ChildProcess(
                        service.id() + "-extract",
                        List.of(
                                ChildProcess.javaBinary(),
                                "-Djarmode=tools",
                                "-jar",
                                jar.toString(),
                                "extract",
                                "--destination",
                                dir.resolve("app").toString()),
                        dataDir)
                .runToCompletion(Duration.ofMinutes(2));
        try {
            Files.writeString(stamp, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Replaced or deleted on the next start.
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
