package dev.groundup.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.Config;
import dev.groundup.InProcess;
import dev.groundup.bodies.Bodies;
import dev.groundup.errors.Errors;
import dev.groundup.errors.Problem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The router's handler-facing behaviour over real HTTP, with route tables that exist only here
 * (typed ids, 201 with Location, a handler that fails): what a feature such as the todo API
 * builds on. The application's own routes are covered in every deployment by the contract suite.
 */
class RoutingHttpTest {
    record Item(String title, int order, boolean done) {
    }

    private static Server server;
    private static URI base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        JsonMapper json = Json.newMapper();
        Routes items = new Routes(Routes.JSON)
                .get("/api/items/{id:long}", ex -> ex.json(Map.of("id", ex.pathLong("id"))))
                .get("/api/items/new", ex -> ex.json(Map.of("literal", true)))
                .get("/api/items/{name}", ex -> ex.json(Map.of("name", ex.pathParam("name"))))
                .post("/api/items", ex -> {
                    Item item = ex.body(Item.class);
                    ex.created("/api/items/7", item);
                })
                .patch("/api/items/{id:long}", ex -> {
                    JsonNode patch = ex.bodyTree();
                    ex.json(new java.util.TreeMap<>(Map.of("fields", patch.propertyNames().size(), "hasTitle", patch.has("title"))));
                })
                .delete("/api/items/{id:long}", ex -> ex.noContent())
                .get("/api/page", ex -> ex.json(Map.of("page", ex.queryLong("page", 1))))
                .get("/api/missing/{id:long}", ex -> {
                    throw Problem.notFound("No item " + ex.pathLong("id") + ".");
                })
                .get("/api/broken", ex -> {
                    throw new IllegalStateException("secret table ITEMS_V2 is corrupt at dev.groundup.Secret");
                });
        Routes pages = new Routes(Routes.HTML)
                .post("/form", ex -> ex.html(200, ("[" + ex.form("title") + "|" + ex.form("absent") + "]")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .get("/cookie", ex -> {
                    ex.cookie("seen", "v1.A-_", false).cookie("safe", "x", true);
                    ex.html(200, String.valueOf(ex.cookie("seen")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                })
                .post("/go", ex -> ex.seeOther("/there?filter=active"));
        Config config = Config.fromArgs(List.of("--max-body-bytes", "64"), Map.of());

        server = InProcess.start(context -> {
            Errors.install(context, json);
            Routing.install(context, config, json, List.of(items, pages), List.of());
            // as Wiring does: bodies arrive whole, within the configured size, before the router runs
            Bodies.install(context, config.maxBodyBytes(), config.bodyTimeout(), Routing.SERVLET);
        });
        base = InProcess.base(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    @Test
    void aNumericIdReachesTheTypedRouteAndAnythingElseTheNextBest() throws Exception {
        assertThat(get("/api/items/42").body()).isEqualTo("{\"id\":42}");
        assertThat(get("/api/items/new").body()).isEqualTo("{\"literal\":true}");
        assertThat(get("/api/items/abc").body()).isEqualTo("{\"name\":\"abc\"}");
    }

    @Test
    void aNonNumericIdWithNoOtherRouteIs404NotA500() throws Exception {
        HttpResponse<String> reply = send("DELETE", "/api/items/abc", null, null);

        assertThat(reply.statusCode()).isEqualTo(405); // the path exists (GET {name}); DELETE needs a number
        assertThat(get("/api/missing/abc").statusCode()).isEqualTo(404);
        assertThat(get("/api/missing/99999999999999999999").statusCode()).isEqualTo(404);
        assertThat(get("/api/missing/5").body()).contains("\"detail\":\"No item 5.\"");
    }

    @Test
    void createdAnswers201WithLocationAndTheJson() throws Exception {
        HttpResponse<String> reply = send("POST", "/api/items", "application/json",
                "{\"title\":\"Write\",\"order\":2,\"done\":false,\"extra\":1}");

        assertThat(reply.statusCode()).isEqualTo(201);
        assertThat(reply.headers().firstValue("Location")).hasValue("/api/items/7");
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(reply.body()).isEqualTo("{\"title\":\"Write\",\"order\":2,\"done\":false}");
    }

    @Test
    void wrongTypesInARecordAre422NamingTheField() throws Exception {
        for (String[] c : new String[][]{
                {"{\"title\":\"a\",\"order\":\"2\",\"done\":false}", "Field 'order' must be an integer"},
                {"{\"title\":\"a\",\"order\":1.5,\"done\":false}", "Field 'order' must be an integer"},
                {"{\"title\":\"a\",\"order\":1,\"done\":\"true\"}", "Field 'done' must be a boolean"},
                {"{\"title\":\"a\",\"order\":1,\"done\":null}", "Field 'done' must be a boolean"},
                {"{\"title\":\"a\",\"order\":99999999999,\"done\":true}", "Field 'order' is out of range for an integer"},
                {"{\"title\":[],\"order\":1,\"done\":true}", "Field 'title' must be a string"}}) {
            HttpResponse<String> reply = send("POST", "/api/items", "application/json", c[0]);
            assertThat(reply.statusCode()).as(c[0]).isEqualTo(422);
            assertThat(reply.body()).as(c[0]).contains(c[1]).doesNotContain("Item").doesNotContain("dev.groundup");
        }
    }

    @Test
    void aTreeBodyTellsAbsentFromPresent() throws Exception {
        assertThat(send("PATCH", "/api/items/1", "application/json", "{\"order\":3}").body())
                .isEqualTo("{\"fields\":1,\"hasTitle\":false}");
        assertThat(send("PATCH", "/api/items/1", "application/json", "{\"title\":null}").body())
                .contains("\"hasTitle\":true");
        assertThat(send("PATCH", "/api/items/1", "application/json", "{\"title\"").statusCode()).isEqualTo(400);
    }

    @Test
    void theBodyLimitIsTheConfiguredOne() throws Exception {
        String body = "{\"title\":\"" + "x".repeat(64) + "\",\"order\":1,\"done\":true}";
        HttpResponse<String> reply = send("POST", "/api/items", "application/json", body);

        assertThat(reply.statusCode()).isEqualTo(413);
        assertThat(reply.body()).contains("larger than 64 bytes");
    }

    @Test
    void aBadQueryNumberIs400AndAbsentTakesTheDefault() throws Exception {
        assertThat(get("/api/page?page=3").body()).isEqualTo("{\"page\":3}");
        assertThat(get("/api/page").body()).isEqualTo("{\"page\":1}");
        HttpResponse<String> bad = get("/api/page?page=three");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Query parameter 'page' must be an integer");
    }

    @Test
    void aFailingHandlerIsA500ThatRevealsNothing() throws Exception {
        HttpResponse<String> reply = get("/api/broken");

        assertThat(reply.statusCode()).isEqualTo(500);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(reply.body()).contains("\"status\":500").contains("It has been logged")
                .doesNotContain("ITEMS_V2").doesNotContain("IllegalState").doesNotContain("dev.groundup");
    }

    @Test
    void deleteAnswers204WithNoBody() throws Exception {
        HttpResponse<String> reply = send("DELETE", "/api/items/3", null, null);

        assertThat(reply.statusCode()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void aFormBodyIsDecodedStrictlyAsUtf8LikeAQuery() throws Exception {
        String form = "application/x-www-form-urlencoded";
        assertThat(send("POST", "/form", form, "title=walk+the+%C3%A9l%C3%A9phant&title=second").body())
                .isEqualTo("[walk the éléphant|null]");
        assertThat(send("POST", "/form", "application/x-www-form-urlencoded; charset=UTF-8", "title=").body())
                .isEqualTo("[|null]");
        assertThat(send("POST", "/form", form, "title=%C3").statusCode()).isEqualTo(400);
        HttpResponse<String> badEscape = send("POST", "/form", form, "title=%zz");
        assertThat(badEscape.statusCode()).isEqualTo(400);
        assertThat(badEscape.body()).contains("The form is not valid");
    }

    @Test
    void aFormInAnotherTypeOrCharsetIs415() throws Exception {
        assertThat(send("POST", "/form", "application/json", "{\"title\":\"a\"}").statusCode()).isEqualTo(415);
        assertThat(send("POST", "/form", "application/x-www-form-urlencoded;charset=ISO-8859-1", "title=a")
                .statusCode()).isEqualTo(415);
        assertThat(send("POST", "/form", "multipart/form-data; boundary=x", "--x--").statusCode()).isEqualTo(415);
        assertThat(send("POST", "/form", null, "title=a").statusCode()).isEqualTo(415);
    }

    @Test
    void cookiesAreReadAndSetForThisApplicationOnly() throws Exception {
        HttpResponse<String> fresh = get("/cookie");
        assertThat(fresh.body()).isEqualTo("null");
        assertThat(fresh.headers().allValues("Set-Cookie")).containsExactly(
                "seen=v1.A-_; Path=/; HttpOnly; SameSite=Lax",
                "safe=x; Path=/; HttpOnly; SameSite=Lax; Secure");

        HttpResponse<String> back = CLIENT.send(HttpRequest.newBuilder(base.resolve("/cookie"))
                .header("Cookie", "other=1; seen=v1.A-_").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.body()).isEqualTo("v1.A-_");
    }

    @Test
    void seeOtherIs303ToAPathInThisApplication() throws Exception {
        HttpResponse<String> reply = send("POST", "/go", "application/x-www-form-urlencoded", "");

        assertThat(reply.statusCode()).isEqualTo(303);
        assertThat(reply.headers().firstValue("Location")).hasValue("/there?filter=active");
        assertThat(reply.body()).isEmpty();
    }
}
