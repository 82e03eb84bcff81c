import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The yardstick for the TechEmpower database test types: Jetty 12's core API, one plain
 * (blocking) {@code Handler.Abstract}, as any servlet is, HikariCP with the same pool size as
 * Groundup's (10), plain JDBC prepared statements, and the JSON and HTML written by hand.
 * Same rules as Groundup's endpoints: one query per row, no IN, updates batched in id order,
 * fortunes sorted in Java, cached queries from a Caffeine cache that loads through JDBC.
 * Default HttpConfiguration, so it sends Server and Date.
 *
 * <p>With {@code --servlet} the same endpoints are answered by one {@code HttpServlet} in a bare
 * {@code ServletContextHandler} (no filters, sessions or security) instead: what any servlet
 * application pays on this Jetty before its own code, to tell the container's share of a gap
 * from the application's.
 *
 * <p>Usage: JettyDbRef [--servlet] PORT JDBC_URL [SEED_SQL_FILE] (the seed file is run once, before serving)
 */
public final class JettyDbRef {
    private static final String JSON = "application/json";
    private static final String HTML = "text/html;charset=utf-8";
    private static final String ADDITIONAL = "Additional fortune added at request time.";

    private record World(int id, int randomNumber) {
    }

    private record Fortune(int id, String message) {
    }

    private final HikariDataSource pool;
    private final LoadingCache<Integer, World> cache;

    private JettyDbRef(HikariDataSource pool) {
        this.pool = pool;
        this.cache = Caffeine.newBuilder().maximumSize(10_000).build(this::find);
    }

    /** What an endpoint answers: its type and body. */
    private record Answer(String type, byte[] body) {
    }

    public static void main(String[] args) throws Exception {
        boolean servlet = args.length > 0 && args[0].equals("--servlet");
        if (servlet) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setMaximumPoolSize(10);
        HikariDataSource pool = new HikariDataSource(config);
        if (args.length > 2) {
            seed(pool, Path.of(args[2]));
        }
        JettyDbRef ref = new JettyDbRef(pool);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        if (servlet) {
            ServletContextHandler context = new ServletContextHandler("/");
            context.addServlet(new ServletHolder(new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    ref.serve(request, response);
                }
            }), "/*");
            server.setHandler(context);
        } else {
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    return ref.handle(request, response, callback);
                }
            });
        }
        server.start();
        server.join();
    }

    private boolean handle(Request request, Response response, Callback callback) throws SQLException {
        Answer answer = answer(Request.getPathInContext(request), name -> {
            Fields.Field field = Request.extractQueryParameters(request).get(name);
            return field == null ? null : field.getValue();
        });
        if (answer == null) {
            return false; // 404
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.type());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answer answer;
        try {
            answer = answer(request.getRequestURI(), request::getParameter);
        } catch (SQLException e) {
            throw new IOException(e);
        }
        if (answer == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(answer.type());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** The answer to {@code path}, or null for 404; {@code query} gives a query parameter's value. */
    private Answer answer(String path, UnaryOperator<String> query) throws SQLException {
        return switch (path) {
            case "/db" -> new Answer(JSON, json(new StringBuilder(32), find(randomId())));
            case "/queries" -> new Answer(JSON, json(queries(count(query.apply("queries")))));
            case "/updates" -> new Answer(JSON, json(updates(count(query.apply("queries")))));
            case "/cached-queries" -> new Answer(JSON, json(cached(count(query.apply("count")))));
            case "/fortunes" -> new Answer(HTML, fortunes());
            default -> null;
        };
    }

    private World find(int id) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return find(connection, id);
        }
    }

    private static World find(Connection connection, int id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, randomNumber FROM World WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new World(row.getInt(1), row.getInt(2));
            }
        }
    }

    private World[] queries(int count) throws SQLException {
        World[] worlds = new World[count];
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, randomNumber FROM World WHERE id = ?")) {
            for (int i = 0; i < count; i++) {
                select.setInt(1, randomId());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    worlds[i] = new World(row.getInt(1), row.getInt(2));
                }
            }
        }
        return worlds;
    }

    private World[] updates(int count) throws SQLException {
        World[] worlds = new World[count];
        try (Connection connection = pool.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, randomNumber FROM World WHERE id = ?")) {
                for (int i = 0; i < count; i++) {
                    select.setInt(1, randomId());
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        worlds[i] = new World(row.getInt(1), anotherNumber(row.getInt(2)));
                    }
                }
            }
            World[] byId = worlds.clone();
            Arrays.sort(byId, Comparator.comparingInt(World::id));
            try (PreparedStatement update = connection.prepareStatement("UPDATE World SET randomNumber = ? WHERE id = ?")) {
                for (World world : byId) {
                    update.setInt(1, world.randomNumber());
                    update.setInt(2, world.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        return worlds;
    }

    private World[] cached(int count) {
        World[] worlds = new World[count];
        for (int i = 0; i < count; i++) {
            worlds[i] = cache.get(randomId());
        }
        return worlds;
    }

    private byte[] fortunes() throws SQLException {
        List<Fortune> fortunes = new ArrayList<>(16);
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, message FROM Fortune");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                fortunes.add(new Fortune(rows.getInt(1), rows.getString(2)));
            }
        }
        fortunes.add(new Fortune(0, ADDITIONAL));
        fortunes.sort(Comparator.comparing(Fortune::message));
        StringBuilder html = new StringBuilder(1400).append("<!DOCTYPE html><html><head><title>Fortunes</title></head>"
                + "<body><table><tr><th>id</th><th>message</th></tr>");
        for (Fortune fortune : fortunes) {
            html.append("<tr><td>").append(fortune.id()).append("</td><td>");
            escape(html, fortune.message());
            html.append("</td></tr>");
        }
        return html.append("</table></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private static byte[] json(World[] worlds) {
        StringBuilder out = new StringBuilder(worlds.length * 32 + 2).append('[');
        for (int i = 0; i < worlds.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            appendWorld(out, worlds[i]);
        }
        return out.append(']').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] json(StringBuilder out, World world) {
        return appendWorld(out, world).toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static StringBuilder appendWorld(StringBuilder out, World world) {
        return out.append("{\"id\":").append(world.id()).append(",\"randomNumber\":").append(world.randomNumber()).append('}');
    }

    /** The same clamping as Groundup's: not an integer or below 1 is 1, above 500 is 500. */
    private static int count(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        try {
            return (int) Math.max(1, Math.min(500, Long.parseLong(raw)));
        } catch (NumberFormatException e) {
            return raw.matches("-?\\d+") ? (raw.startsWith("-") ? 1 : 500) : 1;
        }
    }

    private static int randomId() {
        return ThreadLocalRandom.current().nextInt(1, 10_001);
    }

    private static int anotherNumber(int current) {
        int next = ThreadLocalRandom.current().nextInt(1, 10_000);
        return next >= current ? next + 1 : next;
    }

    /** Runs the statements of {@code file} (split at semicolons ending a line): Groundup's own migration. */
    private static void seed(HikariDataSource pool, Path file) throws Exception {
        String sql = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String one : sql.split(";\\s*\\n")) {
                if (!one.isBlank()) {
                    statement.execute(one);
                }
            }
        }
    }
}
