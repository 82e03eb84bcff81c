package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.routing.Generated;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generated requests at every route, from a fixed seed ({@code -Dgroundup.seed=N} explores
 * others; a failure names its request): random methods, paths, query strings, headers and JSON
 * (or nearly JSON) bodies. Never a 5xx, never a stack trace or a class or package name in an
 * answer, and nothing stored by a request that was refused: the todo list ends up exactly as the
 * 201s and 204s said.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class FuzzIT {
    private static final int REQUESTS = 400;
    private static final List<String> ROUTES = List.of("/hello", "/hello/{s}", "/api/hello", "/api/hello/{s}",
            "/api/todos", "/api/todos", "/api/todos", "/api/todos/{n}", "/api/todos/{n}", "/health", "/json", "/plaintext", "/", "/{s}", "/api/{s}");
    private static final List<String> METHODS = List.of("GET", "GET", "HEAD", "POST", "POST", "PATCH", "DELETE",
            "PUT", "OPTIONS");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json", "application/json; charset=utf-8",
            "application/problem+json", "application/json; charset=latin1", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json;;;=", "*/*", "");
    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/html", "text/plain;q=0",
            "application/json;q=0, */*;q=0", "text/*;q=abc", "image/png", "a/b/c, ,;", "");
    /** What a response must never show: a stack, an exception, a class or package of ours or the containers'. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |Caused by|dev\\.groundup|java\\.[a-z]|jakarta\\.|org\\.eclipse|org\\.apache|tools\\.jackson|Jetty|Tomcat");

    @Parameter
    Deployment deployment;

    @Test
    void generatedRequestsGetNo5xxShowNoInternalsAndStoreNothingRefused() {
        Random random = new Random(Generated.SEED);
        List<String> strings = Generated.strings(300, 0, 12);
        long before = todos();
        long expected = before;
        int created = 0;
        int refused = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String method = pick(random, METHODS);
            String route = method.equals("POST") && random.nextBoolean() ? "/api/todos" : pick(random, ROUTES);
            // A third of the bodies are what the route wants, so that the taken side is exercised too.
            boolean wellFormed = random.nextInt(3) == 0;
            String path = route.replace("{s}", encode(pick(random, strings), random))
                    .replace("{n}", random.nextBoolean() ? String.valueOf(random.nextInt(1000)) : encode(pick(random, strings), random));
            if (method.equals("DELETE") && path.equals("/api/todos")) {
                method = "GET"; // the whole list: the count below would have nothing to compare
            }
            StringBuilder request = new StringBuilder(method).append(' ').append(path);
            if (random.nextBoolean()) {
                request.append('?').append(random.nextBoolean() ? "name" : encode(pick(random, strings), random))
                        .append('=').append(encode(pick(random, strings), random));
            }
            request.append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            String accept = pick(random, ACCEPTS);
            if (!accept.isEmpty()) {
                request.append("Accept: ").append(accept).append("\r\n");
            }
            if (random.nextInt(3) == 0) {
                request.append("X-").append(random.nextInt(100)).append(": ").append(printable(pick(random, strings))).append("\r\n");
            }
            byte[] body = new byte[0];
            if (method.equals("POST") || method.equals("PATCH") || method.equals("PUT") || random.nextInt(8) == 0) {
                String contentType = wellFormed ? "application/json" : pick(random, CONTENT_TYPES);
                if (!contentType.isEmpty()) {
                    request.append("Content-Type: ").append(contentType).append("\r\n");
                }
                body = json(random, strings, wellFormed).getBytes(StandardCharsets.UTF_8);
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            String head = request.toString();
            String reply = Http.raw(deployment, head + new String(body, StandardCharsets.ISO_8859_1));

            assertThat(reply).as(head).startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(reply.substring(9, 12));
            assertThat(status).as(head + "\n" + reply).isLessThan(500);
            assertThat(LEAK.matcher(reply).find()).as(head + "\n" + reply).isFalse();
            if (method.equals("POST") && path.equals("/api/todos") && status == 201) {
                expected++;
                created++;
            }
            if (status >= 400) {
                refused++;
            }
            if (method.equals("DELETE") && path.startsWith("/api/todos/") && status == 204) {
                expected--;
            }
        }
        assertThat(todos()).as("todos stored: those answered 201, less those answered 204 to DELETE").isEqualTo(expected);
        // The seed's requests reach both sides: some are taken, many refused.
        assertThat(created).as("todos created").isPositive();
        assertThat(refused).as("requests refused").isGreaterThan(REQUESTS / 4);
    }

    /** A JSON body, mostly an object with todo and greeting fields of any type, sometimes broken. */
    private static String json(Random random, List<String> strings, boolean wellFormed) {
        List<String> fields = new ArrayList<>();
        for (String name : List.of("title", "completed", "order", "name", pick(random, strings))) {
            if (random.nextInt(3) > 0 || wellFormed && name.equals("title")) {
                // Half the time the type a todo or a greeting wants, so that some requests are taken.
                String typed = switch (name) {
                    case "title", "name" -> quote(pick(random, strings));
                    case "completed" -> String.valueOf(random.nextBoolean());
                    case "order" -> String.valueOf(random.nextInt(100));
                    default -> value(random, strings, 0);
                };
                fields.add(quote(name) + ":" + (wellFormed || random.nextBoolean() ? typed : value(random, strings, 0)));
            }
        }
        String object = "{" + String.join(",", fields) + "}";
        if (wellFormed) {
            return object;
        }
        return switch (random.nextInt(10)) {
            case 0 -> object.substring(0, random.nextInt(object.length() + 1)); // cut anywhere
            case 1 -> value(random, strings, 0);                              // not an object
            case 2 -> object + pick(random, List.of("}", ",", " x", "{}"));    // more after the value
            default -> object;
        };
    }

    private static String value(Random random, List<String> strings, int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> String.valueOf(random.nextLong() >> random.nextInt(64));
            case 3 -> pick(random, List.of("1.5", "-0", "1e999", "99999999999999999999", "0x10", "NaN"));
            case 4, 5 -> quote(pick(random, strings));
            case 6 -> "[" + value(random, strings, depth + 1) + "," + value(random, strings, depth + 1) + "]";
            default -> "{" + quote(pick(random, strings)) + ":" + value(random, strings, depth + 1) + "}";
        };
    }

    /** A JSON string: escapes what JSON requires, and sometimes writes a char as {@code \\uXXXX}. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }

    /** Percent-encodes as UTF-8, except now and then a character that may stand raw in a request target. */
    private static String encode(String s, Random random) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean raw = c > 0x20 && c < 0x7f && "\"<>\\^`{|}#?%".indexOf(c) < 0 && (Character.isLetterOrDigit(c) || random.nextBoolean());
            out.append(raw ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    /** A header value: visible ASCII and spaces only (anything else is another test's malformed request). */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c > 0x20 && c < 0x7f ? (char) c : ' '));
        return out.toString().strip();
    }

    private long todos() {
        String reply = Http.raw(deployment, "GET /api/todos HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 200 ");
        return Pattern.compile("\"url\":").matcher(reply).results().count();
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
