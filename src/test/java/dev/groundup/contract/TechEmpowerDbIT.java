package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import dev.groundup.db.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The TechEmpower database test types, to the letter of their requirements, in every deployment. */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class TechEmpowerDbIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The test type's page with the wiki's minimal template: 1,226 bytes. */
    private static final String FORTUNES_PAGE = "<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>"
            + "<tr><th>id</th><th>message</th></tr>"
            + "<tr><td>11</td><td>&lt;script&gt;alert(&quot;This should not be displayed in a browser alert box.&quot;);&lt;/script&gt;</td></tr>"
            + "<tr><td>4</td><td>A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1</td></tr>"
            + "<tr><td>5</td><td>A computer program does what you tell it to do, not what you want it to do.</td></tr>"
            + "<tr><td>2</td><td>A computer scientist is someone who fixes things that aren&#39;t broken.</td></tr>"
            + "<tr><td>8</td><td>A list is only as strong as its weakest link. \u2014 Donald Knuth</td></tr>"
            + "<tr><td>0</td><td>Additional fortune added at request time.</td></tr>"
            + "<tr><td>3</td><td>After enough decimal places, nobody gives a damn.</td></tr>"
            + "<tr><td>7</td><td>Any program that runs right is obsolete.</td></tr>"
            + "<tr><td>10</td><td>Computers make very fast, very accurate mistakes.</td></tr>"
            + "<tr><td>6</td><td>Emacs is a nice operating system, but I prefer UNIX. \u2014 Tom Christaensen</td></tr>"
            + "<tr><td>9</td><td>Feature: A bug with seniority.</td></tr>"
            + "<tr><td>1</td><td>fortune: No such file or directory</td></tr>"
            + "<tr><td>12</td><td>\u30d5\u30ec\u30fc\u30e0\u30ef\u30fc\u30af\u306e\u30d9\u30f3\u30c1\u30de\u30fc\u30af</td></tr>"
            + "</table></body></html>";

    /** The clamping cases of the requirements: the query's value (null: no parameter) and the rows it means. */
    private static final Map<String, Integer> COUNTS = counts();

    @Parameter
    Deployment deployment;

    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("2", 2);
        counts.put("1", 1);
        counts.put("0", 1);
        counts.put("foo", 1);
        counts.put("", 1);
        counts.put(null, 1);
        counts.put("-1", 1);
        counts.put("1.5", 1);
        counts.put("500", 500);
        counts.put("501", 500);
        counts.put("99999999999", 500);
        counts.put("-99999999999", 1);
        return counts;
    }

    private Reply get(String pathAndQuery) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(pathAndQuery))
                .addHeader("Accept-Encoding", "gzip, deflate, br").build());
    }

    /** Status, exact type, Server, a Date, a length or chunks, no content coding (gzip was offered). */
    private static void assertTechEmpowerResponse(Reply reply, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo(type);
        assertThat(reply.headers("Server")).containsExactly("Groundup");
        ZonedDateTime.parse(reply.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(reply.header("Content-Encoding")).isNull();
        if (reply.header("Transfer-Encoding") == null) {
            assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(reply.body().length));
        } else {
            assertThat(reply.header("Transfer-Encoding")).isEqualTo("chunked");
        }
    }

    private static JsonNode json(Reply reply) {
        return JSON.readTree(reply.body());
    }

    /** A World object with exactly its two keys, both integers in 1..10000. */
    private static void assertWorld(JsonNode world) {
        assertThat(world.isObject()).as(world.toString()).isTrue();
        assertThat(world.propertyNames()).containsExactly("id", "randomNumber");
        assertThat(world.get("id").isInt()).as(world.toString()).isTrue();
        assertThat(world.get("randomNumber").isInt()).as(world.toString()).isTrue();
        assertThat(world.get("id").intValue()).isBetween(1, 10_000);
        assertThat(world.get("randomNumber").intValue()).isBetween(1, 10_000);
    }

    private static void assertWorlds(JsonNode worlds, int count) {
        assertThat(worlds.isArray()).as(worlds.toString()).isTrue();
        assertThat(worlds.size()).isEqualTo(count);
        worlds.forEach(TechEmpowerDbIT::assertWorld);
    }

    @Test
    void dbIsOneRandomWorldAsAnObject() {
        Reply reply = get("/db");

        assertTechEmpowerResponse(reply, "application/json");
        assertWorld(json(reply));
        assertThat(reply.text()).matches("\\{\"id\":\\d+,\"randomNumber\":\\d+}");
    }

    @Test
    void idsVaryAcrossRequests() {
        Set<Integer> db = new HashSet<>();
        Set<Integer> cached = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            db.add(json(get("/db")).get("id").intValue());
            cached.add(json(get("/cached-queries")).get(0).get("id").intValue());
        }
        assertThat(db).hasSizeGreaterThan(1);
        assertThat(cached).hasSizeGreaterThan(1);
        // and within one request
        Set<Integer> ids = new HashSet<>();
        json(get("/queries?queries=20")).forEach(world -> ids.add(world.get("id").intValue()));
        assertThat(ids).hasSizeGreaterThan(1);
    }

    @Test
    void queriesAnswersAnArrayOfTheClampedCount() {
        assertClamped("/queries", "queries");
    }

    @Test
    void updatesAnswersAnArrayOfTheClampedCount() {
        assertClamped("/updates", "queries");
    }

    @Test
    void cachedQueriesAnswersAnArrayOfTheClampedCount() {
        assertClamped("/cached-queries", "count");
    }

    private void assertClamped(String path, String parameter) {
        COUNTS.forEach((value, rows) -> {
            Reply reply = get(value == null ? path : path + "?" + parameter + "=" + value);
            assertTechEmpowerResponse(reply, "application/json");
            assertWorlds(json(reply), rows);
        });
    }

    @Test
    void fortunesIsTheTestTypesPageByteForByte() {
        Reply reply = get("/fortunes");

        assertTechEmpowerResponse(reply, "text/html;charset=utf-8");
        byte[] expected = FORTUNES_PAGE.getBytes(StandardCharsets.UTF_8);
        assertThat(expected).hasSize(1226);
        assertThat(reply.text()).isEqualTo(FORTUNES_PAGE);
        assertThat(reply.body()).isEqualTo(expected);
    }

    @Test
    void updatesReallyChangeTheDatabase() throws SQLException {
        String jdbcUrl = jdbcUrl();
        Map<Integer, Integer> before = jdbcUrl == null ? Map.of() : readAll(jdbcUrl);

        Map<Integer, Integer> updated = new HashMap<>();
        updateInto(updated); // one request: each row it touched now differs from what it held before

        if (jdbcUrl != null) {
            Map<Integer, Integer> after = readAll(jdbcUrl);
            updated.forEach((id, number) -> {
                assertThat(after.get(id)).as("World %d", id).isEqualTo(number);
                assertThat(number).as("World %d was given a new number", id).isNotEqualTo(before.get(id));
            });
            assertThat(after.keySet()).hasSize(10_000);
        }
        for (int i = 0; i < 3; i++) {
            updateInto(updated);
        }
        // Over HTTP too, for the containers' databases this JVM cannot reach: reading those rows
        // back finds what /updates answered. 2,000 updates overlap 500 random reads many times over.
        int seen = 0;
        for (int i = 0; i < 4; i++) {
            for (JsonNode world : json(get("/queries?queries=500"))) {
                Integer number = updated.get(world.get("id").intValue());
                if (number != null) {
                    assertThat(world.get("randomNumber").intValue()).as(world.toString()).isEqualTo(number);
                    seen++;
                }
            }
        }
        assertThat(seen).isPositive();
    }

    @Test
    void noEndpointCompressesWhateverTheClientAccepts() {
        for (String path : List.of("/db", "/queries?queries=20", "/fortunes", "/updates?queries=20", "/cached-queries?count=20")) {
            Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri(path))
                    .addHeader("Accept-Encoding", "gzip").addHeader("Accept", "*/*").build());
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Encoding")).as(path).isNull();
            assertThat(reply.body()[0]).as(path).isNotEqualTo((byte) 0x1f); // not a gzip member
        }
    }

    /** One /updates?queries=500; the last value of an id the request drew twice is the one it wrote last. */
    private void updateInto(Map<Integer, Integer> updated) {
        json(get("/updates?queries=500")).forEach(w -> updated.put(w.get("id").intValue(), w.get("randomNumber").intValue()));
    }

    /** Where this JVM can read the deployment's database itself: the launchers run in it. */
    private String jdbcUrl() {
        deployment.base(); // started (its tables made), or skipped by -Dgroundup.deployments
        return switch (deployment) {
            case LAUNCHER -> Servers.DB_URL;
            case LAUNCHER_HTTPS -> Servers.HTTPS_DB_URL;
            case LAUNCHER_POSTGRESQL -> TestPostgres.url();
            default -> null;
        };
    }

    private static Map<Integer, Integer> readAll(String jdbcUrl) throws SQLException {
        Map<Integer, Integer> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement select = connection.prepareStatement("SELECT id, randomNumber FROM World");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.put(result.getInt(1), result.getInt(2));
            }
        }
        return rows;
    }
}
