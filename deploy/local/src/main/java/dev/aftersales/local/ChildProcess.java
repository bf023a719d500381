package dev.aftersales.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the launcher started, with its output appended to a log file and its pid in {@code
 * <data>/run/<name>.pid}. The pid file lets the next start stop what a killed launcher left behind.
 */
final class ChildProcess {

    /**
     * Ctrl-C in a terminal signals the whole foreground process group; a child in its own session
     * is stopped by the launcher instead, in order (services before the broker they still use).
     */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final List<String> command;
    private final Path log;
    private final Path pidFile;
    private Process process;
    private boolean runsToCompletion;
    private boolean killed;

    ChildProcess(String name, List<String> command, Path dataDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = dataDir.resolve("logs").resolve(name + ".log");
        this.pidFile = dataDir.resolve("run").resolve(name + ".pid");
    }

    /** The {@code java} of the JVM running the launcher, so the children run on the same JDK. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        if (isAlive()) {
            return;
        }
        var fullCommand = new ArrayList<String>();
        if (Files.isExecutable(SETSID)) {
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            process = new ProcessBuilder(fullCommand)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .redirectInput(Redirect.from(new File("/dev/null")))
                    .start();
            Files.writeString(pidFile, process.pid() + "\n");
            var started = process;
            started.onExit().thenAccept(this::reportUnexpectedExit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** A process that stops without being asked is worth a line on the console: the stack is degraded. */
    private synchronized void reportUnexpectedExit(Process exited) {
        if (process == exited && killed) {
            System.out.println("[local-stack] " + name + " killed (SIGKILL)");
        } else if (process == exited && !runsToCompletion) {
            System.out.println("[local-stack] " + name + " exited unexpectedly (exit code " + exited.exitValue()
                    + "); see " + log);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized Optional<Long> pid() {
        return isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    /**
     * Asks the JVM to shut down (SIGTERM, so its shutdown hooks run), then kills it after {@code
     * grace}. True if it was not running or exited within the grace period.
     */
    boolean stop(Duration grace) {
        Process running;
        synchronized (this) {
            running = process;
            process = null;
        }
        if (running == null) {
            return true;
        }
        var exited = terminate(running.toHandle(), grace);
        deletePidFile();
        return exited;
    }

    /** SIGKILL, as a crash would; returns once the process is gone. */
    void kill() {
        Process running;
        synchronized (this) {
            running = process;
            killed = true;
        }
        if (running != null) {
            running.destroyForcibly();
            running.onExit().join();
            deletePidFile();
        }
    }

    /** Runs the command to its end, for one-off tools such as the storage formatter. */
    void runToCompletion(Duration timeout) {
        synchronized (this) {
            runsToCompletion = true;
        }
        start();
        Process running;
        synchronized (this) {
            running = process;
        }
        try {
            if (!running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ZERO);
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
            }
            if (running.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (exit " + running.exitValue() + "); see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(Duration.ZERO);
            throw new IllegalStateException("interrupted while running " + name, e);
        } finally {
            deletePidFile();
        }
    }

    /** The last lines of the log, to show why a process did not come up. */
    String logTail(int lines) {
        try {
            var all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /**
     * A launcher killed with SIGKILL cannot stop its children. The pid file names them; a process is
     * only ours if its command line still names this data dir (pids are reused).
     */
    static void stopLeftovers(Path dataDir) {
        var runDir = dataDir.resolve("run");
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (var files = Files.list(runDir)) {
            // The services before the broker, as in a normal stop.
            var pidFiles = files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString().equals("kafka.pid")))
                    .toList();
            for (var pidFile : pidFiles) {
                stopLeftover(pidFile, dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopLeftover(Path pidFile, Path dataDir) {
        try {
            var pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()))
                    .ifPresent(p -> {
                        System.out.println("[local-stack] stopping " + pidFile.getFileName() + " (pid " + pid
                                + "), left running by a launcher that was killed");
                        terminate(p, Duration.ofSeconds(20));
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // An unreadable pid file names nothing we could safely stop.
        }
    }

    private static boolean terminate(ProcessHandle handle, Duration grace) {
        handle.destroy();
        try {
            handle.onExit().get(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Did not stop in time.
        }
        if (!handle.isAlive()) {
            return true;
        }
        handle.destroyForcibly();
        handle.onExit().join();
        return false;
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // A stale pid file is checked against the command line before it is trusted.
        }
    }
}
