package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the packaged intake jar, which the reactor builds before this module. */
class ClassDataArchiveTest {

    @TempDir
    Path workDir;

    @Test
    void the_first_run_writes_the_archive_at_exit_and_later_runs_map_it_until_the_jar_changes() throws Exception {
        var jar = workDir.resolve("intake-service.jar");
        Files.copy(Service.INTAKE.jarIn(BuildTree.repoRoot()), jar);
        var dataDir = workDir.resolve("data");
        var classData = new ClassDataArchive(Service.INTAKE, jar, dataDir);
        var extracted = dataDir.resolve("cds/intake/app/intake-service.jar");
        var pending = dataDir.resolve("cds/intake/app.jsa.pending");
        var archive = dataDir.resolve("cds/intake/app.jsa");

        assertThat(classData.launch())
                .containsExactly(
                        "-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds=error", "-jar", extracted.toString());
        assertThat(extracted).isRegularFile();
        assertThat(dataDir.resolve("cds/intake/app/lib")).isDirectory();

        Files.writeString(pending, "an archive written at exit");
        classData.stopped(true);
        assertThat(archive).isRegularFile();
        assertThat(pending).doesNotExist();
        assertThat(classData.launch())
                .containsExactly("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(classData.launch()).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
        assertThat(archive).doesNotExist();
    }

    @Test
    void an_archive_cut_short_by_a_forced_stop_is_thrown_away() throws Exception {
        var dataDir = workDir.resolve("data");
        var classData = new ClassDataArchive(Service.INTAKE, Service.INTAKE.jarIn(BuildTree.repoRoot()), dataDir);
        classData.launch();
        var pending = dataDir.resolve("cds/intake/app.jsa.pending");
        Files.writeString(pending, "half an archive");

        classData.stopped(false);

        assertThat(pending).doesNotExist();
        assertThat(dataDir.resolve("cds/intake/app.jsa")).doesNotExist();
    }
}
