import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
 * <p>Usage: JettyDbRef PORT JDBC_URL [SEED_SQL_FILE] (the seed file is run once, before serving)
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

    public static void main(String[] args) throws Exception {
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
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return ref.handle(request, response, callback);
            }
        });
        server.start();
        server.join();
    }

    private boolean handle(Request request, Response response, Callback callback) throws SQLException {
        String path = Request.getPathInContext(request);
        switch (path) {
            case "/db" -> send(response, callback, JSON, json(new StringBuilder(32), find(randomId())));
            case "/queries" -> send(response, callback, JSON, json(queries(count(request, "queries"))));
            case "/updates" -> send(response, callback, JSON, json(updates(count(request, "queries"))));
            case "/cached-queries" -> send(response, callback, JSON, json(cached(count(request, "count"))));
            case "/fortunes" -> send(response, callback, HTML, fortunes());
            default -> {
                return false; // 404
            }
        }
        return true;
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

    private static void send(Response response, Callback callback, String type, byte[] body) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** The same clamping as Groundup's: not an integer or below 1 is 1, above 500 is 500. */
    private static int count(Request request, String name) {
        Fields.Field field = Request.extractQueryParameters(request).get(name);
        String raw = field == null ? null : field.getValue();
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
