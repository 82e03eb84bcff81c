package dev.groundup;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

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

    /** {@code http://127.0.0.1:PORT} of a server {@link #start} started. */
    public static URI base(Server server) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }
}
