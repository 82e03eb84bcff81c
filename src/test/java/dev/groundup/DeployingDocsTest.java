package dev.groundup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/deploying.md shows the settings files the contract suite deploys with (docs/containers/),
 * as they are, and names the container versions the suite runs: the page cannot drift from them.
 */
class DeployingDocsTest {
    private static final Path PAGE = Path.of("docs/deploying.md");

    @ParameterizedTest
    @ValueSource(strings = {"docs/containers/tomcat/groundup.xml", "docs/containers/jetty/groundup.xml"})
    void thePageShowsEachSettingsFileAsItIs(String file) throws IOException {
        assertThat(Files.readString(PAGE)).contains("```xml\n" + Files.readString(Path.of(file)) + "```\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/containers/tomcat/groundup.xml", "docs/containers/jetty/groundup.xml"})
    void eachSettingsFileSetsEverySettingAWarReads(String file) throws IOException {
        String xml = Files.readString(Path.of(file));
        for (Config.Setting setting : Config.Setting.values()) {
            // The container decides where to listen and how long a request's head may take; a WAR serves itself
            // (its files, its folders, its dot-files), so the folder-serving switches are the launcher's; its access
            // log, its TLS and HTTP/2 and its threads are the container's (launcherOnly).
            if (setting != Config.Setting.HOST && setting != Config.Setting.PORT && !setting.launcherOnly()
                    && setting != Config.Setting.HEAD_TIMEOUT && setting != Config.Setting.LIST_DIRS
                    && setting != Config.Setting.SERVE_DOTFILES) {
                assertThat(xml).as(file).containsPattern("[\">]" + Pattern.quote(setting.key()) + "[\"<]");
                assertThat(Files.readString(PAGE)).contains("`" + setting.key() + "`");
            }
        }
    }

    @Test
    void thePageNamesTheContainersTheSuiteRuns() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String page = Files.readString(PAGE);
        String jetty = property(pom, "jetty-home.version");
        String tomcat = property(pom, "tomcat.version");
        String tomcat10 = property(pom, "tomcat10.version");

        assertThat(page).contains("`org.eclipse.jetty:jetty-home:" + jetty + ":zip`")
                .contains("https://repo1.maven.org/maven2/org/eclipse/jetty/jetty-home/" + jetty + "/jetty-home-" + jetty + ".zip")
                .contains("`org.apache.tomcat:tomcat:" + tomcat + ":tar.gz`")
                .contains("https://repo1.maven.org/maven2/org/apache/tomcat/tomcat/" + tomcat + "/tomcat-" + tomcat + ".tar.gz")
                .contains("`org.apache.tomcat:tomcat:" + tomcat10 + ":tar.gz`");
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as(name + " in pom.xml").isTrue();
        return matcher.group(1);
    }
}
