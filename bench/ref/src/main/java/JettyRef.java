import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The yardstick: Jetty 12's core API with one Handler that answers "Hello, World!" as
 * text/plain, as in Jetty's own embedded examples. Default HttpConfiguration, so it sends
 * Server and Date as the TechEmpower tests require.
 *
 * <p>By default the handler is declared non-blocking, so Jetty runs it on the selector thread
 * with no hand-off: the fastest thing Jetty can do, and the reference. With {@code blocking}
 * it is a plain {@code Handler.Abstract}, which Jetty must be ready to see block, as it must
 * for any servlet: the same thread hand-off a servlet container pays, for comparison.
 *
 * <p>With {@code servlet} the answer comes from one {@code HttpServlet} in a bare
 * {@code ServletContextHandler} (no filters, no session, no security): the floor of what any
 * servlet application costs on this Jetty, to tell the container's share of a gap from the
 * application's.
 *
 * <p>Usage: JettyRef PORT [blocking|servlet]
 */
public final class JettyRef {
    private static final ByteBuffer HELLO =
            ByteBuffer.wrap("Hello, World!".getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        String mode = args.length > 1 ? args[1] : "";
        if (mode.equals("servlet")) {
            ServletContextHandler context = new ServletContextHandler("/");
            context.addServlet(new ServletHolder(new HelloServlet()), "/*");
            server.setHandler(context);
            server.start();
            server.join();
            return;
        }
        boolean blocking = mode.equals("blocking");
        server.setHandler(blocking ? new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return hello(response, callback);
            }
        } : new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return hello(response, callback);
            }
        });
        server.start();
        server.join();
    }

    private static boolean hello(Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, HELLO.remaining());
        response.write(true, HELLO.slice(), callback);
        return true;
    }

    private static final class HelloServlet extends HttpServlet {
        private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }
}
