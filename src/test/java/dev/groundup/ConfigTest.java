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
                .isEqualTo(new Config("localhost", 8000, 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(10), List.of("*"), "jdbc:h2:./data/groundup", false, null, false, null, true, Duration.ofSeconds(10), false, false,
                        "stdout", false, null, null, false, false));
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
    void tlsIsAPemPairOrAKeystoreOnItsOwnPortAndItsSwitchesAskForIt(@TempDir Path dir) throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        assertThat(Config.fromArgs(List.of(), Map.of()).tls()).isNull();

        Config.Tls pem = Config.fromArgs(List.of("--tls-cert", cert.toString(), "--hsts"),
                Map.of("GROUNDUP_TLS_KEY", key.toString())).tls();
        assertThat(pem.cert()).isEqualTo(cert);
        assertThat(pem.key()).isEqualTo(key);
        assertThat(pem.port()).isEqualTo(8443);
        assertThat(pem.hsts()).isTrue();
        assertThat(pem.redirect()).isFalse();
        Config.Tls keystore = Config.fromArgs(List.of("--keystore", cert.toString(), "--https-port", "9443",
                "--redirect-https"), Map.of("GROUNDUP_KEYSTORE_PASSWORD", "pw")).tls();
        assertThat(keystore.keystore()).isEqualTo(cert);
        assertThat(keystore.keystorePassword()).isEqualTo("pw");
        assertThat(keystore.port()).isEqualTo(9443);
        assertThat(keystore.redirect()).isTrue();
        assertThat(keystore.toString()).doesNotContain("pw");

        assertInvalid(List.of("--tls-cert", cert.toString()), "--tls-cert needs --tls-key");
        assertInvalid(List.of("--tls-key", key.toString()), "--tls-key needs --tls-cert");
        assertInvalid(List.of("--tls-cert", cert.toString(), "--tls-key", key.toString(), "--keystore", cert.toString()),
                "--keystore is instead of --tls-cert and --tls-key");
        assertInvalid(List.of("--keystore-password", "pw"), "--keystore-password needs --keystore");
        assertInvalid(List.of("--tls-cert", dir.resolve("missing.pem").toString(), "--tls-key", key.toString()),
                "--tls-cert " + dir.resolve("missing.pem") + " does not exist");
        assertInvalid(List.of("--keystore", dir.toString()), "--keystore " + dir + " is not a file");
        assertInvalid(List.of("--hsts"), "--hsts needs a certificate");
        assertInvalid(List.of("--redirect-https"), "--redirect-https needs a certificate");
        assertInvalid(List.of("--https-port", "8443"), "--https-port needs a certificate");
        assertInvalid(List.of("--keystore", cert.toString(), "--https-port", "70000"), "--https-port must be between");
        assertInvalid(List.of("--keystore", cert.toString(), "--https-port", "8000"), "--https-port must not be --port's 8000");
        assertThatThrownBy(() -> Config.fromArgs(List.of(), Map.of("GROUNDUP_HSTS", "true")))
                .isInstanceOf(Config.Invalid.class).hasMessageStartingWith("GROUNDUP_HSTS needs a certificate");
    }

    @Test
    void h2cIsOffUnlessAsked() {
        assertThat(Config.fromArgs(List.of(), Map.of()).h2c()).isFalse();
        assertThat(Config.fromArgs(List.of("--h2c"), Map.of()).h2c()).isTrue();
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_H2C", "true")).h2c()).isTrue();
    }

    private static void assertInvalid(List<String> args, String message) {
        assertThatThrownBy(() -> Config.fromArgs(args, Map.of())).isInstanceOf(Config.Invalid.class)
                .hasMessageStartingWith(message);
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
    void techEmpowerIsOnUnlessTheSwitchOrItsEnvironmentVariableSaysNo() {
        assertThat(Config.fromArgs(List.of(), Map.of()).techEmpower()).isTrue();
        assertThat(Config.fromArgs(List.of("--no-techempower"), Map.of()).techEmpower()).isFalse();
        assertThat(Config.fromArgs(List.of("--no-techempower", "--port", "0"), Map.of()).port()).isZero();
        assertThat(Config.fromArgs(List.of("--no-techempower=false"), Map.of("GROUNDUP_NO_TECHEMPOWER", "true"))
                .techEmpower()).isTrue();
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_NO_TECHEMPOWER", "true")).techEmpower()).isFalse();
        assertThatThrownBy(() -> Config.fromArgs(List.of("--no-techempower=maybe"), Map.of()))
                .isInstanceOf(Config.Invalid.class)
                .hasMessage("--no-techempower must be true or false, got 'maybe'");
        assertThat(Config.usage()).contains("  --no-techempower ");
    }

    @Test
    void databaseTimeoutIsSecondsFromFlagOrEnvironmentWithinBounds() {
        assertThat(Config.fromArgs(List.of(), Map.of()).dbTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_DB_TIMEOUT", "3")).dbTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(Config.fromArgs(List.of("--db-timeout=20"), Map.of("GROUNDUP_DB_TIMEOUT", "3")).dbTimeout())
                .isEqualTo(Duration.ofSeconds(20));
        assertThatThrownBy(() -> Config.fromArgs(List.of("--db-timeout", "0"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--db-timeout must be between 1 and 3600 seconds, got 0");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--db-timeout", "soon"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--db-timeout must be a number, got 'soon'");
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
                .isInstanceOf(Config.Invalid.class)
                .hasMessage("the port argument must be a number between 0 and 65535, got 'stray'");
        assertThatThrownBy(() -> Config.fromArgs(List.of("8001", "8002"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessageStartingWith("unexpected argument 8002");
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

    @Test
    void devIsASwitchThatMayAlsoTakeAValue() {
        assertThat(Config.fromArgs(List.of(), Map.of()).dev()).isFalse();
        assertThat(Config.fromArgs(List.of("--dev"), Map.of()).dev()).isTrue();
        assertThat(Config.fromArgs(List.of("--dev", "--port", "0"), Map.of()).dev()).isTrue();
        assertThat(Config.fromArgs(List.of("--dev", "false"), Map.of()).dev()).isFalse();
        assertThat(Config.fromArgs(List.of("--dev=false"), Map.of("GROUNDUP_DEV", "true")).dev()).isFalse();
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_DEV", "true")).dev()).isTrue();
        assertThatThrownBy(() -> Config.fromArgs(List.of("--dev=maybe"), Map.of()))
                .isInstanceOf(Config.Invalid.class).hasMessage("--dev must be true or false, got 'maybe'");
    }

    @Test
    void secretComesFromFlagOrEnvironmentMustBeLongAndIsNeverPrinted() {
        String secret = "correct horse battery staple";
        assertThat(Config.fromArgs(List.of(), Map.of()).secret()).isNull();
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_SECRET", secret)).secret()).isEqualTo(secret);
        Config config = Config.fromArgs(List.of("--secret", secret), Map.of("GROUNDUP_SECRET", "another secret, longer"));
        assertThat(config.secret()).isEqualTo(secret);
        assertThat(config.toString()).doesNotContain(secret).contains("secret=(hidden)");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--secret", "hunter2"), Map.of()))
                .isInstanceOf(Config.Invalid.class)
                .hasMessage("--secret must be at least 16 characters long");
        assertThat(Config.usage()).contains("--dev [true|false]", "GROUNDUP_DEV", "--secret SECRET", "GROUNDUP_SECRET");
    }

    @Test
    void aWarsDefaultDatabaseIsAFileOfItsOwnDeploymentNamedAfterItsContextPath() {
        Path base = Path.of("/srv/tomcat");

        assertThat(Config.warDatabase(base, "")).isEqualTo("jdbc:h2:/srv/tomcat/data/groundup/ROOT");
        assertThat(Config.warDatabase(base, "/groundup")).isEqualTo("jdbc:h2:/srv/tomcat/data/groundup/groundup");
        assertThat(Config.warDatabase(base, "/shop/todos;x")).isEqualTo("jdbc:h2:/srv/tomcat/data/groundup/shop_todos_x");
    }

    @Test
    void helpShowsTheConfigurationTableOfTheDocsAligned() throws IOException {
        List<List<String>> rows = Files.readAllLines(Path.of("docs/configuration.md")).stream()
                .filter(line -> line.startsWith("| `-"))
                .map(line -> java.util.Arrays.stream(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|"))
                        .map(cell -> cell.trim().replace("\\|", "|")).toList())
                .toList();
        String usage = Config.usage();
        List<String> lines = usage.lines().filter(line -> line.startsWith("  -")).toList();

        assertThat(rows).hasSize(Config.Setting.values().length + 1);
        for (Config.Setting setting : Config.Setting.values()) {
            List<String> row = rows.stream().filter(r -> r.get(0).equals("`" + Config.flagAndPlaceholder(setting) + "`"))
                    .findFirst().orElseThrow(() -> new AssertionError("docs/configuration.md has no row for " + setting.flag));
            assertThat(row.get(1)).isEqualTo(String.join(" or ", setting.envNames.stream().map(n -> "`" + n + "`").toList()));
            assertThat(row.get(2).replace("`", "")).isEqualTo(setting.shownDefault());
            assertThat(row.get(3)).isEqualTo(setting.help);
            assertThat(usage).contains(Config.flagAndPlaceholder(setting) + " ").contains(setting.help + "\n")
                    .contains("env " + String.join(" or ", setting.envNames) + "; default " + setting.shownDefault() + "\n");
        }
        assertThat(rows.get(rows.size() - 1)).startsWith("`-h, --help`");
        int column = lines.get(0).indexOf(Config.Setting.HOST.help);
        assertThat(lines).allSatisfy(line -> assertThat(line.charAt(column - 1)).isEqualTo(' '))
                .allSatisfy(line -> assertThat(line.charAt(column)).isNotEqualTo(' '));
    }

    @Test
    void aBadValueNamesTheVariableOrArgumentItCameFrom(@TempDir Path dir) {
        assertThatThrownBy(() -> Config.fromArgs(List.of(), Map.of("PORT", "abc")))
                .hasMessage("PORT must be a number between 0 and 65535, got 'abc'");
        assertThatThrownBy(() -> Config.fromArgs(List.of(), Map.of("GROUNDUP_PORT", "70000")))
                .hasMessage("GROUNDUP_PORT must be between 0 and 65535, got 70000");
        assertThatThrownBy(() -> Config.fromArgs(List.of(), Map.of("GROUNDUP_MAX_BODY_BYTES", "0")))
                .hasMessage("GROUNDUP_MAX_BODY_BYTES must be at least 1, got 0");
        assertThatThrownBy(() -> Config.fromArgs(List.of(), Map.of("GROUNDUP_TRUST_PROXY", "yes")))
                .hasMessage("GROUNDUP_TRUST_PROXY must be true or false, got 'yes'");
        assertThatThrownBy(() -> Config.fromArgs(List.of(), Map.of("GROUNDUP_CORS_ORIGINS", "example.com/")))
                .hasMessageStartingWith("GROUNDUP_CORS_ORIGINS: 'example.com/' is not an origin");
        assertThatThrownBy(() -> Config.fromArgs(List.of(), Map.of("GROUNDUP_STATIC_ROOT", dir.resolve("no").toString())))
                .hasMessage("GROUNDUP_STATIC_ROOT " + dir.resolve("no") + " does not exist");
        assertThatThrownBy(() -> Config.fromArgs(List.of("abc"), Map.of()))
                .hasMessage("the port argument must be a number between 0 and 65535, got 'abc'");
        assertThatThrownBy(() -> Config.fromArgs(List.of("--port", "abc"), Map.of("PORT", "1")))
                .hasMessage("--port must be a number between 0 and 65535, got 'abc'");
    }

    @Test
    void aPortIsTheOneArgumentAndSwitchesNeedNoValue(@TempDir Path dir) {
        assertThat(Config.fromArgs(List.of("8001"), Map.of("PORT", "9000")).port()).isEqualTo(8001);
        Config config = Config.fromArgs(List.of("--list-dirs", "8001", "--static-root", dir.toString(), "--serve-dotfiles"), Map.of());
        assertThat(config.port()).isEqualTo(8001);
        assertThat(config.listDirs()).isTrue();
        assertThat(config.serveDotfiles()).isTrue();
        assertThat(Config.fromArgs(List.of("--list-dirs", "false"), Map.of()).listDirs()).isFalse();
        assertThat(Config.fromArgs(List.of("--list-dirs=FALSE"), Map.of("GROUNDUP_LIST_DIRS", "true")).listDirs()).isFalse();
        assertThat(Config.fromArgs(List.of(), Map.of("GROUNDUP_SERVE_DOTFILES", "true")).serveDotfiles()).isTrue();
        assertThat(Config.fromArgs(List.of(), Map.of())).extracting(Config::listDirs, Config::serveDotfiles).containsExactly(false, false);
        assertThatThrownBy(() -> Config.fromArgs(List.of("--list-dirs", "yes"), Map.of()))
                .hasMessage("--list-dirs must be true or false, got 'yes'");
    }

    @Test
    void theDefaultDatabaseIsNeverInsideTheServedFolder(@TempDir Path dir) throws IOException {
        Path site = Files.createDirectory(dir.resolve("site"));
        Path below = Files.createDirectory(site.resolve("below"));
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Map<String, String> env = Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString());

        String servedHere = Config.fromArgs(List.of("--static-root", site.toString()), env, site).dbUrl();
        assertThat(servedHere).startsWith("jdbc:h2:" + dir.resolve("xdg/groundup/site-")).endsWith("/groundup");
        assertThat(Config.fromArgs(List.of("--static-root", site.toString()), env, below).dbUrl()).isEqualTo(servedHere);
        assertThat(Config.fromArgs(List.of("--static-root", elsewhere.toString()), env, elsewhere).dbUrl())
                .as("another folder, another database").isNotEqualTo(servedHere).startsWith("jdbc:h2:" + dir.resolve("xdg/groundup/elsewhere-"));
        assertThat(Config.fromArgs(List.of("--static-root", elsewhere.toString()), env, dir).dbUrl()).isEqualTo("jdbc:h2:./data/groundup");
        assertThat(Config.fromArgs(List.of(), env, site).dbUrl()).isEqualTo("jdbc:h2:./data/groundup");
        assertThat(Config.fromArgs(List.of("--static-root", site.toString()), Map.of("GROUNDUP_DB_URL", "jdbc:h2:./data/x"), site).dbUrl())
                .as("a database asked for is used as given").isEqualTo("jdbc:h2:./data/x");
    }
}
