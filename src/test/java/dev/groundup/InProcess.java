package dev.groundup;

import dev.groundup.db.Database;
import dev.groundup.db.DatabaseOutage;
import dev.groundup.errors.Errors;
import dev.groundup.health.Health;
import dev.groundup.routing.Json;
import dev.groundup.routing.Routing;
import dev.groundup.todos.Todos;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare servlet context on a free port for tests that wire a piece of the application by hand
 * (a route table, a filter) rather than all of {@link Wiring}.
 */
public final class InProcess {
    private InProcess() {
    }

    /** Starts Jetty on 127.0.0.1, port 0, with a context that {@code wiring} sets up at startup. */
    public static Server start(Consumer<ServletContext> wiring) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                wiring.accept(event.getServletContext());
            }
        });
        server.setHandler(context);
        server.start();
        return server;
    }

    /** The todo API and /health on {@code database}, with the application's error pages and default settings. */
    public static Server startTodoApi(Database database) throws Exception {
        JsonMapper json = Json.newMapper();
        Config config = Config.fromArgs(List.of(), Map.of());
        return start(context -> {
            Errors.install(context, json);
            Routing.install(context, config, json,
                    List.of(Health.routes(database), Todos.routes(database.jdbi(), false)),
                    List.of(new DatabaseOutage()));
        });
    }

    /** {@code http://127.0.0.1:PORT} of a server {@link #start} started. */
    public static URI base(Server server) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }
}
