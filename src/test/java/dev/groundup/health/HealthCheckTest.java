package dev.groundup.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.Config;
import dev.groundup.db.Database;
import dev.groundup.errors.Errors;
import dev.groundup.routing.Json;
import dev.groundup.routing.Routing;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The health check follows the database: up while it answers, 503 once it has gone away (here an
 * H2 server that stops under a running application), so a load balancer moves traffic elsewhere.
 * (That it is up in every deployment is HealthIT's.)
 */
class HealthCheckTest {
    @Test
    void downWhenTheDatabaseGoesAway() throws Exception {
        int dbPort;
        try (ServerSocket free = new ServerSocket(0)) {
            dbPort = free.getLocalPort();
        }
        org.h2.tools.Server h2 = org.h2.tools.Server.createTcpServer("-tcpPort", String.valueOf(dbPort), "-ifNotExists").start();
        Database database = Database.open("jdbc:h2:tcp://localhost:" + dbPort + "/mem:health;DB_CLOSE_DELAY=-1");
        Server server = start(database);
        try {
            URI health = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/health");

            HttpResponse<String> up = get(health);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"up\",\"database\":\"up\"}");

            h2.stop();

            HttpResponse<String> down = get(health);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(down.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(down.body()).isEqualTo("{\"status\":\"down\",\"database\":\"down\"}");
        } finally {
            server.stop();
            database.close();
            h2.stop();
        }
    }

    private static Server start(Database database) throws Exception {
        JsonMapper json = Json.newMapper();
        Config config = Config.fromArgs(List.of(), Map.of());
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                Errors.install(event.getServletContext(), json);
                Routing.install(event.getServletContext(), config, json, List.of(Health.routes(database.jdbi())));
            }
        });
        server.setHandler(context);
        server.start();
        return server;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
