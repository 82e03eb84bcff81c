package dev.groundup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @Test
    void defaultsAreLocalhost8000() {
        assertThat(Config.fromArgs(List.of(), Map.of()))
                .isEqualTo(new Config("localhost", 8000, 1024 * 1024, Duration.ofSeconds(30), List.of("*"), "jdbc:h2:./data/groundup", false, null,
                        "stdout", false, null));
    }

    @Test
    void theAccessLogIsStdoutOffOrAFileInAFolderThatExists(@TempDir Path dir) {
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_ACCESS_LOG", "off")).accessLog()).isEqualTo("off");
        Path file = dir.resolve("access.log");
        assertThat(Config.fromArgs(List.of("--access-log", file.toString()), Map.of()).accessLog()).isEqualTo(file.toString());
        assertThatThrownBy(() -> Config.fromArgs(List.of("--access-log", dir.resolve("no/access.log").toString()), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--access-log", dir.toString()), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessageContaining("is a directory");
    }

    @Test
    void metricsAreOffUnlessTheBareFlagOrTrueTurnsThemOn() {
        assertThat(Config.fromArgs(List.of(), Map.of()).metrics()).isFalse();
        assertThat(Config.fromArgs(List.of("--metrics"), Map.of()).metrics()).isTrue();
        assertThat(Config.fromArgs(List.of("--metrics", "--port", "1"), Map.of()).metrics()).isTrue();
        assertThat(Config.fromArgs(List.of("--metrics", "false"), Map.of("GROUNDUP_METRICS", "true")).metrics()).isFalse();
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_METRICS", "true")).metrics()).isTrue();
    }

    @Test
    void aMetricsTokenIsLongAndOneWordAndABadOneIsNotEchoed() {
        String token = "0123456789abcdefXYZ";
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_METRICS_TOKEN", token)).metricsToken()).isEqualTo(token);
        assertThatThrownBy(() -> Config.fromArgs(List.of("--metrics-token", "short-secret"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessageContaining("at least 16").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--metrics-token", "with spaces in the secret"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessageNotContaining("secret");
    }

    @Test
    void flagBeatsEnvironmentBeatsDefault() {
        Map<String, String> env = Map.of("GROUNDUP_HOST", "0.0.0.0", "GROUNDUP_PORT", "9000", "PORT", "9999");

        assertThat(Config.fromArgs(List.of(), env).port()).isEqualTo(9000);
        assertThat(Config.fromArgs(List.of("--port", "9100"), env).port()).isEqualTo(9100);
        Config flags = Config.fromArgs(List.of("--host=127.0.0.1", "--port=0"), env);
        assertThat(flags.host()).isEqualTo("127.0.0.1");
        assertThat(flags.port()).isZero();
    }

    @Test
    void databaseUrlComesFromFlagOrEnvironmentAndDefaultsToAnH2FileUnderData() {
        String postgres = "jdbc:postgresql://db.internal:5432/groundup?user=app";
        assertThat(Config.fromArgs(List.of(), Map.of()).dbUrl()).isEqualTo("jdbc:h2:./data/groundup");
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_DB_URL", postgres)).dbUrl()).isEqualTo(postgres);
        assertThat(Config.fromArgs(List.of("--db-url", "jdbc:h2:mem:x"), Map.of("GROUNDUP_DB_URL", postgres)).dbUrl())
                .isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void onlyH2AndPostgresqlUrlsAreAcceptedAndABadOneIsNotEchoed() {
        assertThatThrownBy(() -> Config.fromArgs(List.of("--db-url", "jdbc:mysql://h/db?password=secret"), Map.of()))
                .isInstanceOf(Config.Invalid.class)
                .hasMessage("--db-url must start with jdbc:h2: or jdbc:postgresql:");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--db-url", "postgres://u:secret@h/db"), Map.of()))
                .isInstanceOf(Config.Invalid.class)
                .hasMessageContaining("write postgres://h/db as jdbc:postgresql://h/db")
                .hasMessageNotContaining("secret");
    }

    @Test
    void trustProxyIsOffUnlessSetToTrue() {
        assertThat(Config.fromArgs(List.of(), Map.of()).trustProxy()).isFalse();
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_TRUST_PROXY", "TRUE")).trustProxy()).isTrue();
        assertThat(Config.fromArgs(List.of("--trust-proxy", "false"), Map.of("GROUNDUP_TRUST_PROXY", "true")).trustProxy())
                .isFalse();
        assertThatThrownBy(() -> Config.fromArgs(List.of("--trust-proxy", "yes"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--trust-proxy must be true or false, got 'yes'");
    }

    @Test
    void plainPortIsTheFallbackForGroundupPort() {
        assertThat(Config.fromArgs(List.of(), Map.of("PORT", "5000")).port()).isEqualTo(5000);
        assertThat(Config.fromArgs(List.of(), Map.of("PORT", "5000", "GROUNDUP_PORT", "6000")).port()).isEqualTo(6000);
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_PORT", " ", "PORT", "5000")).port()).isEqualTo(5000);
    }

    @Test
    void badInputIsAOneLineMessage() {
        assertThatThrownBy(() -> Config.fromArgs(List.of("--port", "x"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--port must be a number between 0 and 65535, got 'x'");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--port", "-1"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--host", " "), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--host must not be empty");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--bogus"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessageStartingWith("unknown option --bogus");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--host"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--host needs a value");
        assertThatThrownBy(() -> Config.fromArgs(List.of("stray"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessageStartingWith("unknown option stray");
    }

    @Test
    void bodyLimitAndCorsOriginsComeFromFlagsOrEnvironment() {
        Map<String, String> env = Map.of("GROUNDUP_MAX_BODY_BYTES", "2048",
                "GROUNDUP_CORS_ORIGINS", "https://a.example, http://localhost:3000");

        Config fromEnv = Config.fromArgs(List.of(), env);
        assertThat(fromEnv.maxBodyBytes()).isEqualTo(2048);
        assertThat(fromEnv.corsOrigins()).containsExactly("https://a.example", "http://localhost:3000");
        Config fromFlags = Config.fromArgs(List.of("--max-body-bytes", "10", "--cors-origins=*"), env);
        assertThat(fromFlags.maxBodyBytes()).isEqualTo(10);
        assertThat(fromFlags.corsOrigins()).containsExactly("*");
    }

    @Test
    void badBodyLimitOrOriginIsAOneLineMessage() {
        assertThatThrownBy(() -> Config.fromArgs(List.of("--max-body-bytes", "0"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--max-body-bytes must be at least 1, got 0");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--max-body-bytes", "1MB"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--max-body-bytes must be a number, got '1MB'");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--cors-origins", "example.com/"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessageStartingWith("--cors-origins: 'example.com/' is not an origin");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--cors-origins", " , "), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessageStartingWith("--cors-origins must be");
    }

    @Test
    void helpIsNotAnError() {
        assertThatThrownBy(() -> Config.fromArgs(List.of("--port", "1", "--help"), Map.of()))
                .isInstanceOf(Config.HelpRequested.class);
        assertThat(Config.usage()).contains("--host HOST").contains("--port PORT").contains("--db-url")
                .contains("GROUNDUP_DB_URL").contains("--trust-proxy").contains("GROUNDUP_PORT or PORT");
    }

    @Test
    void staticRootIsTheBuiltInSiteUnlessGiven(@TempDir Path dir) throws IOException {
        assertThat(Config.fromArgs(List.of(), Map.of()).staticRoot()).isNull();
        assertThat(Config.fromArgs(List.of("--static-root", dir.toString()), Map.of()).staticRoot())
                .isEqualTo(dir.toRealPath());
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_STATIC_ROOT", dir.toString())).staticRoot())
                .isEqualTo(dir.toRealPath());
    }

    @Test
    void staticRootFlagBeatsEnvironmentAndIsResolvedToItsRealPath(@TempDir Path dir) throws IOException {
        Path site = Files.createDirectory(dir.resolve("site"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), site);

        Config config = Config.fromArgs(List.of("--static-root=" + link), Map.of("GROUNDUP_STATIC_ROOT", dir.toString()));

        assertThat(config.staticRoot()).isEqualTo(site.toRealPath());
    }

    @Test
    void staticRootMustBeAnExistingDirectory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");

        assertThatThrownBy(() -> Config.fromArgs(List.of("--static-root", dir.resolve("missing").toString()), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--static-root " + dir.resolve("missing") + " does not exist");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--static-root", file.toString()), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--static-root " + file + " is not a directory");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--static-root="), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--static-root must not be empty");
        assertThat(Config.usage()).contains("--static-root DIR").contains("GROUNDUP_STATIC_ROOT");
    }
}
