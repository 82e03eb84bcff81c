package dev.groundup.todos;

import dev.groundup.http.Html;
import dev.groundup.db.Database;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The benchmark's yardstick for the todo page (bench/todos-page.sh): GET /todos written by hand
 * into a StringBuilder in a bare servlet on a bare Jetty, on the same repository and the same
 * database as Groundup's page, with the same markup, token and headers. Not part of Groundup:
 * compiled by the script against target/groundup.jar, never packaged.
 *
 * <p>Usage: java -cp bench/pages/target/classes:target/groundup.jar dev.groundup.todos.HandWrittenTodos PORT JDBC_URL TODOS
 */
public final class HandWrittenTodos extends HttpServlet {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final transient TodoRepository todos;
    private final transient SecretKeySpec key;

    HandWrittenTodos(TodoRepository todos, byte[] secret) {
        this.todos = todos;
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Database database = Database.open(args[1]);
        TodoRepository todos = new TodoRepository(database.jdbi());
        int count = Integer.parseInt(args[2]);
        if (todos.all().isEmpty()) {
            for (int i = 1; i <= count; i++) {
                todos.create(new TodoRepository.NewTodo("Todo number " + i + " <with markup & \"quotes\">", i % 3 == 0, null));
            }
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HandWrittenTodos(todos, "the benchmark's secret, 16+ chars".getBytes(StandardCharsets.UTF_8))), "/todos");
        server.setHandler(context);
        server.start();
        server.join();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String filter = request.getParameter("filter");
        if (filter == null || filter.isEmpty()) {
            filter = "all";
        } else if (!filter.equals("all") && !filter.equals("active") && !filter.equals("completed")) {
            response.sendError(400);
            return;
        }
        String browser = null;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals("csrf")) {
                    browser = cookie.getValue();
                }
            }
        }
        if (browser == null) {
            response.sendError(403); // the benchmark always sends the cookie
            return;
        }
        String token = mac(browser);
        List<Todo> all = todos.all();
        int left = 0;
        boolean anyCompleted = false;
        for (Todo todo : all) {
            if (todo.completed()) {
                anyCompleted = true;
            } else {
                left++;
            }
        }
        String base = request.getContextPath();
        String hidden = "      <input type=\"hidden\" name=\"csrf\" value=\"" + token + "\">\n"
                + "      <input type=\"hidden\" name=\"filter\" value=\"" + filter + "\">\n";
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n")
                .append("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("  <title>Todos · Groundup</title>\n")
                .append("  <link rel=\"icon\" href=\"").append(base).append("/favicon.ico\" sizes=\"32x32\">\n")
                .append("  <link rel=\"icon\" href=\"").append(base).append("/images/logo.svg\" type=\"image/svg+xml\">\n")
                .append("  <link rel=\"stylesheet\" href=\"").append(base).append("/css/site.css\">\n</head>\n<body>\n")
                .append("  <header class=\"site-header\">\n    <a href=\"").append(base).append("/\"><img src=\"").append(base)
                .append("/images/logo.svg\" alt=\"\" width=\"32\" height=\"32\"> Groundup</a>\n  </header>\n  <main>\n")
                .append("    <h1>Todos</h1>\n    <form class=\"todo-new\" method=\"post\" action=\"").append(base).append("/todos\">\n")
                .append(hidden)
                .append("      <label for=\"new-title\">What needs to be done?</label>\n      <div class=\"todo-row\">\n")
                .append("        <input id=\"new-title\" name=\"title\" type=\"text\" value=\"\" autocomplete=\"off\">\n")
                .append("        <button type=\"submit\">Add</button>\n      </div>\n    </form>\n");
        if (!all.isEmpty()) {
            out.append("    <form class=\"todo-toggle-all\" method=\"post\" action=\"").append(base).append("/todos/toggle-all\">\n")
                    .append(hidden)
                    .append("      <input type=\"hidden\" name=\"completed\" value=\"").append(left > 0).append("\">\n")
                    .append("      <button type=\"submit\">").append(left == 0 ? "Mark all as active" : "Mark all as complete")
                    .append("</button>\n    </form>\n");
        }
        out.append("    <ul class=\"todo-list\">\n");
        for (Todo todo : all) {
            if (filter.equals("active") && todo.completed() || filter.equals("completed") && !todo.completed()) {
                continue;
            }
            long id = todo.id();
            String title = Html.escape(todo.title());
            out.append("      <li id=\"todo-").append(id).append('"').append(todo.completed() ? " class=\"completed\"" : "").append(">\n")
                    .append("        <form class=\"todo-toggle\" method=\"post\" action=\"").append(base).append("/todos/").append(id).append("/toggle\">\n")
                    .append(hidden)
                    .append("          <input type=\"hidden\" name=\"completed\" value=\"").append(!todo.completed()).append("\">\n")
                    .append("          <button type=\"submit\" class=\"todo-check\" aria-pressed=\"").append(todo.completed())
                    .append("\"\n                  aria-label=\"Done: ").append(title).append("\"></button>\n        </form>\n")
                    .append("        <span class=\"todo-title\">").append(title).append("</span>\n")
                    .append("        <a class=\"todo-action\" href=\"").append(base).append("/todos")
                    .append(filter.equals("all") ? "?" : "?filter=" + filter + "&").append("edit=").append(id).append("#todo-").append(id)
                    .append("\" aria-label=\"Edit: ").append(title).append("\">Edit</a>\n")
                    .append("        <form class=\"todo-delete\" method=\"post\" action=\"").append(base).append("/todos/").append(id).append("/delete\">\n")
                    .append(hidden)
                    .append("          <button type=\"submit\" class=\"todo-action\" aria-label=\"Delete: ").append(title)
                    .append("\">Delete</button>\n        </form>\n      </li>\n");
        }
        out.append("    </ul>\n\n    <div class=\"todo-footer\">\n      <p class=\"todo-count\">").append(left)
                .append(left == 1 ? " item left" : " items left").append("</p>\n")
                .append("      <nav aria-label=\"Show\">\n        <ul class=\"todo-filters\">\n");
        for (String f : new String[]{"all", "active", "completed"}) {
            out.append("          <li><a href=\"").append(base).append(f.equals("all") ? "/todos" : "/todos?filter=" + f).append('"')
                    .append(f.equals(filter) ? " aria-current=\"page\"" : "").append('>')
                    .append(Character.toUpperCase(f.charAt(0))).append(f, 1, f.length()).append("</a></li>\n");
        }
        out.append("        </ul>\n      </nav>\n");
        if (anyCompleted) {
            out.append("      <form class=\"todo-clear\" method=\"post\" action=\"").append(base).append("/todos/clear-completed\">\n")
                    .append(hidden).append("        <button type=\"submit\">Clear completed</button>\n      </form>\n");
        }
        out.append("    </div>\n  </main>\n</body>\n</html>\n");

        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private String mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
