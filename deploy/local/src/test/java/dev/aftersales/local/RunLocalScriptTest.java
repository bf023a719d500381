package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code run-local.sh}'s own options, run as a user runs them (without building). */
class RunLocalScriptTest {

    record Run(int exit, String output) {}

    static Run runLocal(String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("bash", "run-local.sh"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command)
                .directory(BuildTree.repoRoot().toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void store_heap_sets_the_heap_of_the_jvm_that_holds_the_store() throws Exception {
        var run = runLocal("--no-build", "--store-heap=200m", "--help");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("--store-heap=SIZE");
        // The JVM reports a little less than -Xmx (one survivor space is not counted).
        var reported = Integer.parseInt(run.output().replaceAll("(?s).*up to (\\d+) MiB.*", "$1"));
        assertThat(reported).isBetween(170, 200);
    }

    @Test
    void a_store_heap_that_is_not_a_size_is_refused_before_anything_starts() throws Exception {
        var run = runLocal("--no-build", "--store-heap=lots");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("--store-heap needs a size such as 512m or 2g");
    }

    @Test
    void instances_out_of_range_is_refused_before_anything_starts() throws Exception {
        var run = runLocal("--no-build", "--instances", "9");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("--instances must be between 1 and 4").contains("--instances N");
    }

    @Test
    void help_describes_several_instances_per_service() throws Exception {
        var run = runLocal("--no-build", "--instances", "2", "--help");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("--instances N").contains("round-robin");
    }
}
