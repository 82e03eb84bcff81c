package dev.groundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The WAR is the web application only: every class but the launcher's, and none of the launcher's. */
class WarContentsIT {
    private static final String CLASSES = "WEB-INF/classes/";

    @Test
    void theWarHoldsEveryCompiledClassExceptTheLauncherPackage() throws IOException {
        Path compiled = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> all;
        // Ours and the templates jte compiled (gg/jte/generated/...): every class of the build.
        try (Stream<Path> files = Files.walk(compiled)) {
            all = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> compiled.relativize(f).toString().replace('\\', '/'))
                    .toList();
        }
        List<String> launcher = all.stream().filter(name -> name.startsWith("dev/groundup/launcher/")).toList();
        Set<String> inWar;
        try (ZipFile war = new ZipFile(System.getProperty("groundup.war"))) {
            inWar = war.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith(CLASSES) && name.endsWith(".class"))
                    .map(name -> name.substring(CLASSES.length()))
                    .collect(Collectors.toSet());
        }

        assertThat(launcher).contains("dev/groundup/launcher/Main.class", "dev/groundup/launcher/LauncherErrors.class",
                "dev/groundup/launcher/LauncherFastPath.class");
        assertThat(inWar).doesNotContainAnyElementsOf(launcher);
        assertThat(inWar).containsExactlyInAnyOrderElementsOf(
                all.stream().filter(name -> !launcher.contains(name)).toList());
    }
}
