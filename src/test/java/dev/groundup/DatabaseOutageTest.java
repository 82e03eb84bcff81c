package dev.groundup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.db.Database;
import dev.groundup.db.DatabaseOutage;
import dev.groundup.errors.Errors;
import dev.groundup.health.Health;
import dev.groundup.routing.Json;
import dev.groundup.routing.Routing;
import dev.groundup.todos.Todos;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes away under a running application (here an H2 server that stops): the health
 * check says down with 503, so a load balancer moves traffic elsewhere, and the API answers 503
 * with Retry-After, an outage rather than a bug. (Up, in every deployment, is HealthIT's.)
 */
class DatabaseOutageTest {
    @Test
    void healthAndApiSay503WhenTheDatabaseGoesAway() throws Exception {
        int dbPort;
        try (ServerSocket free = new ServerSocket(0)) {
            dbPort = free.getLocalPort();
        }
        org.h2.tools.Server h2 = org.h2.tools.Server.createTcpServer("-tcpPort", String.valueOf(dbPort), "-ifNotExists").start();
        Database database = Database.open("jdbc:h2:tcp://localhost:" + dbPort + "/mem:health;DB_CLOSE_DELAY=-1");
        Server server = start(database);
        try {
            URI base = InProcess.base(server);
            URI health = base.resolve("/health");
            URI todos = base.resolve("/api/todos");

            HttpResponse<String> up = get(health);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"up\",\"database\":\"up\"}");
            assertThat(get(todos).statusCode()).isEqualTo(200);

            h2.stop();

            HttpResponse<String> down = get(health);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(down.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(down.body()).isEqualTo("{\"status\":\"down\",\"database\":\"down\"}");

            HttpResponse<String> api = get(todos);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(api.body()).contains("The database is not answering").doesNotContain("SQL", "h2", "jdbc");
        } finally {
            server.stop();
            database.close();
            h2.stop();
        }
    }

    private static Server start(Database database) throws Exception {
        JsonMapper json = Json.newMapper();
        Config config = Config.fromArgs(List.of(), Map.of());
        return InProcess.start(context -> {
            Errors.install(context, json);
            Routing.install(context, config, json,
                    List.of(Health.routes(database), Todos.routes(database.jdbi(), false)),
                    List.of(new DatabaseOutage()));
        });
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
