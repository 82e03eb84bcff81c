package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;

/** {@code --no-techempower}: neither the six test types nor their tables. */
class TechEmpowerOffIT {
    private static final String DB_URL = "jdbc:h2:mem:techempower-off;DB_CLOSE_DELAY=-1";

    @Test
    void leavesOutTheSixEndpointsAndTheirTables() throws SQLException {
        URI base = Servers.launcher("--db-url", DB_URL, "--no-techempower").base();

        for (String path : List.of("/plaintext", "/json", "/db", "/queries", "/fortunes", "/updates", "/cached-queries")) {
            Reply reply = Http.send(ClassicRequestBuilder.get(base + path).build());
            assertThat(reply.status()).as(path).isEqualTo(404);
        }
        assertThat(Http.send(ClassicRequestBuilder.get(base + "/api/todos").build()).status()).isEqualTo(200);

        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(DB_URL);
             ResultSet result = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (result.next()) {
                tables.add(result.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(tables).contains("todo").doesNotContain("world", "fortune", "techempower_schema_history");
    }
}
