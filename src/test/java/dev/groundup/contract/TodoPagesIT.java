package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The todo pages at {@code /todos} as a browser uses them without JavaScript: fetch the page,
 * take the token from its form, post, follow the 303. Then every way a form can be refused.
 * Each test starts from an empty list.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class TodoPagesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** As a browser sends a form: no charset parameter (the page's, UTF-8, applies). */
    private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded", (java.nio.charset.Charset) null);
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Parameter
    Deployment deployment;

    private Browser browser;

    @BeforeEach
    void emptyList() {
        assertThat(Http.send(ClassicRequestBuilder.delete(deployment.uri("/api/todos")).build()).status()).isEqualTo(204);
        browser = new Browser();
    }

    @Test
    void theEmptyListIsAPageWithAFormAndSetsTheTokenCookie() {
        Reply page = browser.get("/todos");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.type()).isEqualTo("text/html;charset=utf-8");
        assertThat(page.text()).contains("<html lang=\"en\">", "<title>Todos · Groundup</title>",
                "<label for=\"new-title\">", "0 items left",
                "action=\"" + deployment.path("/todos") + "\"",
                "href=\"" + deployment.path("/css/site.css") + "\"");
        String cookie = page.header("Set-Cookie");
        // Over HTTPS the cookie is Secure and its name locks it to this host (__Host-, at the root).
        assertThat(cookie).matches((deployment.isHttps() ? "__Host-" : "") + "csrf=[A-Za-z0-9_-]{43}; Path="
                + (deployment.contextPath().isEmpty() ? "/" : deployment.contextPath())
                + "; HttpOnly; SameSite=Lax" + (deployment.isHttps() ? "; Secure" : ""));
        assertThat(browser.get("/todos").header("Set-Cookie")).as("a browser that has the cookie keeps it").isNull();
    }

    @Test
    void pagesCarryTheSecurityHeadersAndAreNotStored() {
        for (Reply page : List.of(browser.get("/todos"), browser.get("/todos?filter=nope"), browser.get("/todos?edit=404404"))) {
            assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'self'; script-src 'self'; "
                    + "style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
            assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
            assertThat(page.text()).doesNotContain("<script>", "<style", " style=\"", " onclick");
        }
    }

    @Test
    void addingATodoRedirectsBackToTheListWhichShowsIt() {
        Reply added = browser.post("/todos", "title", "walk the dog", "filter", "all");

        assertThat(added.status()).isEqualTo(303);
        assertThat(added.header("Location")).isEqualTo(deployment.path("/todos"));
        Reply page = browser.get("/todos");
        assertThat(page.text()).contains("<span class=\"todo-title\">walk the dog</span>", "1 item left");
        assertThat(browser.post("/todos", "title", "feed the cat", "filter", "active").header("Location"))
                .as("the filter is kept").isEqualTo(deployment.path("/todos?filter=active"));
        assertThat(browser.get("/todos").text()).contains("2 items left");
    }

    @Test
    void filtersShowActiveOrCompletedAndMarkTheCurrentOne() {
        long a = browser.add("alpha");
        browser.add("beta");
        browser.add("gamma");
        assertThat(browser.post("/todos/" + a + "/toggle", "completed", "true", "filter", "all").status()).isEqualTo(303);

        String all = browser.get("/todos").text();
        String active = browser.get("/todos?filter=active").text();
        String completed = browser.get("/todos?filter=completed").text();

        assertThat(all).contains("alpha", "beta", "gamma", "2 items left")
                .contains("href=\"" + deployment.path("/todos") + "\" aria-current=\"page\">All</a>");
        assertThat(active).contains("beta", "gamma", "2 items left").doesNotContain(">alpha<")
                .contains("href=\"" + deployment.path("/todos?filter=active") + "\" aria-current=\"page\">Active</a>")
                .contains("href=\"" + deployment.path("/todos") + "\">All</a>");
        assertThat(completed).contains(">alpha<").doesNotContain(">beta<", ">gamma<")
                .contains("aria-current=\"page\">Completed</a>");
        assertThat(all).contains("<li id=\"todo-" + a + "\" class=\"completed\">");
    }

    @Test
    void anUnknownFilterIs400() {
        Reply reply = browser.get("/todos?filter=done");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
        assertThat(reply.text()).contains("<h1>400 Bad Request</h1>", "There is no filter 'done'");
        assertThat(browser.post("/todos", "title", "x", "filter", "done").status()).isEqualTo(400);
        assertThat(json("/api/todos")).isEmpty();
    }

    @Test
    void toggleSetsTheStateTheFormShows() {
        long id = browser.add("one");

        browser.post("/todos/" + id + "/toggle", "completed", "true", "filter", "all");
        browser.post("/todos/" + id + "/toggle", "completed", "true", "filter", "all");
        assertThat(todo(id).get("completed").booleanValue()).as("twice true is still true").isTrue();
        browser.post("/todos/" + id + "/toggle", "completed", "false", "filter", "completed");
        assertThat(todo(id).get("completed").booleanValue()).isFalse();
        assertThat(browser.post("/todos/" + id + "/toggle", "completed", "maybe", "filter", "all").status()).isEqualTo(400);
    }

    @Test
    void editingATitleShowsAFormWithTheTitleThenSavesIt() {
        long id = browser.add("old title");

        String editing = browser.get("/todos?edit=" + id).text();
        assertThat(editing).contains("<label for=\"edit-title-" + id + "\">New title</label>", "value=\"old title\"",
                "action=\"" + deployment.path("/todos/" + id + "/title") + "\"");
        Reply saved = browser.post("/todos/" + id + "/title", "title", "new title", "filter", "all");

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo(deployment.path("/todos#todo-" + id));
        assertThat(todo(id).get("title").stringValue()).isEqualTo("new title");
    }

    @Test
    void aBadTitleShowsThePageAgainWith422TheMessageAndTheInput() {
        String longTitle = "ä".repeat(1001);
        for (String[] c : new String[][]{
                {"   ", "The title must not be blank."},
                {longTitle, "The title must be at most 1000 characters."},
                {"nul\0here", "The title must not contain the NUL character"}}) {
            Reply reply = browser.post("/todos", "title", c[0], "filter", "active");
            assertThat(reply.status()).as(c[1]).isEqualTo(422);
            assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
            assertThat(reply.text()).as(c[1]).contains(c[1], "aria-invalid=\"true\"", "aria-describedby=\"new-title-error\"")
                    .contains("name=\"filter\" value=\"active\"");
        }
        assertThat(browser.post("/todos", "title", longTitle, "filter", "all").text()).contains("value=\"" + longTitle + "\"");
        assertThat(browser.post("/todos", "filter", "all").text()).contains("The title is required.");

        long id = browser.add("kept");
        Reply rename = browser.post("/todos/" + id + "/title", "title", " ", "filter", "all");
        assertThat(rename.status()).isEqualTo(422);
        assertThat(rename.text()).contains("The title must not be blank.", "id=\"edit-title-" + id + "\"");
        assertThat(json("/api/todos")).hasSize(1);
        assertThat(todo(id).get("title").stringValue()).isEqualTo("kept");
    }

    @Test
    void exactly1000CharactersIsATitle() {
        assertThat(browser.post("/todos", "title", "😀".repeat(1000), "filter", "all").status()).isEqualTo(303);
    }

    @Test
    void markupInATitleShowsAsText() {
        String title = "<script>alert('x')</script><b>\"bold\" & co</b>";
        long id = browser.add(title);

        String page = browser.get("/todos").text();
        assertThat(page).contains("<span class=\"todo-title\">&lt;script&gt;alert('x')&lt;/script&gt;&lt;b&gt;\"bold\" &amp; co&lt;/b&gt;</span>")
                // in a quoted attribute, > needs no escape; < & " ' do
                .contains("aria-label=\"Delete: &lt;script>alert(&#39;x&#39;)&lt;/script>&lt;b>&#34;bold&#34; &amp; co&lt;/b>\"")
                .doesNotContain("<script>alert", "<b>\"bold");
        assertThat(browser.get("/todos?edit=" + id).text())
                .contains("value=\"&lt;script>alert(&#39;x&#39;)&lt;/script>&lt;b>&#34;bold&#34; &amp; co&lt;/b>\"");
    }

    @Test
    void toggleAllAndClearCompleted() {
        browser.add("a");
        browser.add("b");
        assertThat(browser.get("/todos").text()).contains("Mark all as complete").doesNotContain("Clear completed");

        assertThat(browser.post("/todos/toggle-all", "completed", "true", "filter", "all").status()).isEqualTo(303);
        String done = browser.get("/todos").text();
        assertThat(done).contains("0 items left", "Mark all as active", "Clear completed");
        browser.post("/todos/toggle-all", "completed", "false", "filter", "all");
        assertThat(browser.get("/todos").text()).contains("2 items left");

        long c = browser.add("c");
        browser.post("/todos/" + c + "/toggle", "completed", "true", "filter", "all");
        Reply cleared = browser.post("/todos/clear-completed", "filter", "completed");
        assertThat(cleared.status()).isEqualTo(303);
        assertThat(cleared.header("Location")).isEqualTo(deployment.path("/todos?filter=completed"));
        assertThat(json("/api/todos")).extracting(t -> t.get("title").stringValue()).containsExactly("a", "b");
    }

    @Test
    void deleteRemovesOneTodo() {
        long a = browser.add("a");
        browser.add("b");

        assertThat(browser.post("/todos/" + a + "/delete", "filter", "all").status()).isEqualTo(303);
        assertThat(json("/api/todos")).extracting(t -> t.get("title").stringValue()).containsExactly("b");
    }

    @Test
    void aTodoDeletedInAnotherTabIs404NotA500() {
        long id = browser.add("gone soon");
        browser.get("/todos");
        Http.send(ClassicRequestBuilder.delete(deployment.uri("/api/todos/" + id)).build());

        for (Reply reply : List.of(
                browser.post("/todos/" + id + "/toggle", "completed", "true", "filter", "all"),
                browser.post("/todos/" + id + "/title", "title", "renamed", "filter", "all"),
                browser.post("/todos/" + id + "/title", "title", " ", "filter", "all"),
                browser.post("/todos/" + id + "/delete", "filter", "all"),
                browser.get("/todos?edit=" + id))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
            assertThat(reply.text()).contains("<h1>404 Not Found</h1>", "There is no todo " + id,
                    "<a href=\"" + deployment.path("/") + "\">Home</a>");
        }
        assertThat(json("/api/todos")).isEmpty();
    }

    @Test
    void theApiAndThePagesShowTheSameTodos() {
        Http.send(ClassicRequestBuilder.post(deployment.uri("/api/todos"))
                .setEntity(new StringEntity("{\"title\":\"from the API\"}", ContentType.APPLICATION_JSON)).build());
        browser.add("from a page");

        assertThat(browser.get("/todos").text()).contains(">from the API<", ">from a page<");
        assertThat(json("/api/todos")).extracting(t -> t.get("title").stringValue())
                .containsExactly("from the API", "from a page");
    }

    @Test
    void aFormWithoutTheTokenOrWithAWrongOneIs403AndChangesNothing() {
        browser.get("/todos");
        String token = browser.token;

        List<Reply> refused = new ArrayList<>();
        refused.add(browser.postRaw("/todos", Map.of("title", "no token", "filter", "all")));
        refused.add(browser.postRaw("/todos", Map.of("title", "wrong", "filter", "all", "csrf", token.substring(1) + "A")));
        refused.add(browser.postRaw("/todos", Map.of("title", "empty", "filter", "all", "csrf", "")));

        Browser other = new Browser();
        other.get("/todos");
        refused.add(browser.postRaw("/todos", Map.of("title", "another browser's token", "filter", "all", "csrf", other.token)));

        Browser cookieless = new Browser();
        refused.add(cookieless.postRaw("/todos", Map.of("title", "no cookie", "filter", "all", "csrf", token)));

        for (Reply reply : refused) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
            assertThat(reply.text()).contains("<h1>403 Forbidden</h1>");
        }
        assertThat(json("/api/todos")).isEmpty();
    }

    @Test
    void aFormFromAnotherOriginIs403EvenWithTheToken() {
        long id = browser.add("stays");
        browser.get("/todos");

        Reply foreign = browser.postWithOrigin("/todos/" + id + "/delete", "https://evil.example", "filter", "all");
        Reply nullOrigin = browser.postWithOrigin("/todos/" + id + "/delete", "null", "filter", "all");
        Reply same = browser.postWithOrigin("/todos/" + id + "/toggle", deployment.origin(),
                "completed", "true", "filter", "all");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.text()).contains("another site");
        assertThat(nullOrigin.status()).isEqualTo(403);
        assertThat(same.status()).isEqualTo(303);
        assertThat(json("/api/todos")).hasSize(1);
    }

    private List<JsonNode> json(String path) {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri(path)).build());
        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(reply.body()).forEach(out::add);
        return out;
    }

    private JsonNode todo(long id) {
        return JSON.readTree(Http.send(ClassicRequestBuilder.get(deployment.uri("/api/todos/" + id)).build()).body());
    }

    /** One browser: its cookies, and the token of the last page it was shown. */
    private final class Browser {
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private String token;

        Reply get(String path) {
            return remember(Http.send(withCookies(ClassicRequestBuilder.get(deployment.uri(path)))
                    .addHeader("Accept", "text/html").build()));
        }

        /** Posts {@code fields} (name, value, ...) with the token of the last page, fetching one first if needed. */
        Reply post(String path, String... fields) {
            if (token == null) {
                get("/todos");
            }
            Map<String, String> form = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i += 2) {
                form.put(fields[i], fields[i + 1]);
            }
            form.put("csrf", token);
            return postRaw(path, form);
        }

        Reply postWithOrigin(String path, String origin, String... fields) {
            Map<String, String> form = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i += 2) {
                form.put(fields[i], fields[i + 1]);
            }
            form.put("csrf", token);
            return remember(Http.send(withCookies(ClassicRequestBuilder.post(deployment.uri(path)))
                    .addHeader("Origin", origin).addHeader("Accept", "text/html")
                    .setEntity(new StringEntity(encode(form), FORM)).build()));
        }

        Reply postRaw(String path, Map<String, String> form) {
            return remember(Http.send(withCookies(ClassicRequestBuilder.post(deployment.uri(path)))
                    .addHeader("Accept", "text/html")
                    .setEntity(new StringEntity(encode(form), FORM)).build()));
        }

        /** Adds a todo through the form; returns its id, read from the API. */
        long add(String title) {
            assertThat(post("/todos", "title", title, "filter", "all").status()).isEqualTo(303);
            List<JsonNode> all = json("/api/todos");
            return all.get(all.size() - 1).get("id").longValue();
        }

        private ClassicRequestBuilder withCookies(ClassicRequestBuilder request) {
            if (!cookies.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                cookies.forEach((name, value) -> pairs.add(name + "=" + value));
                request.addHeader("Cookie", String.join("; ", pairs));
            }
            return request;
        }

        private Reply remember(Reply reply) {
            for (String setCookie : reply.headers("Set-Cookie")) {
                String pair = setCookie.substring(0, setCookie.indexOf(';'));
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            Matcher m = TOKEN.matcher(reply.text());
            if (m.find()) {
                token = m.group(1);
            }
            return reply;
        }

        private static String encode(Map<String, String> form) {
            List<String> pairs = new ArrayList<>();
            form.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return String.join("&", pairs);
        }
    }
}
