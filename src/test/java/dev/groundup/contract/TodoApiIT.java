package dev.groundup.contract;

import static dev.groundup.contract.ApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The todo API at {@code /api/todos}: the Todo-Backend contract (its spec runner's cases, sent
 * the way its runner and web client send them), then what the contract leaves open, and every
 * way a request can be wrong. Each test starts from an empty list.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class TodoApiIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROOT = "/api/todos";

    @Parameter
    Deployment deployment;

    @BeforeEach
    void emptyList() {
        assertThat(send("DELETE", root(), null).status()).isEqualTo(204);
    }

    /**
     * The Todo-Backend spec runner's cases. Like the runner (jQuery, dataType "text"), every
     * request carries {@code Content-Type: application/json} and {@code Accept: text/plain, *}{@code /*; q=0.01},
     * a body or not.
     */
    @Nested
    class TodoBackendSpec {
        @Test
        void theRootRespondsToAGet() {
            Reply reply = send("GET", root(), null);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.type()).isEqualTo("application/json");
        }

        @Test
        void theRootRespondsToAPostWithTheTodoPostedToIt() {
            assertThat(json(send("POST", root(), "{\"title\":\"a todo\"}")).get("title").stringValue()).isEqualTo("a todo");
        }

        @Test
        void theRootRespondsSuccessfullyToADeleteAndThenListsNothing() {
            post("{\"title\":\"soon gone\"}");

            Reply delete = send("DELETE", root(), null);

            assertThat(delete.status()).isEqualTo(204);
            assertThat(delete.body()).isEmpty();
            assertThat(send("GET", root(), null).text()).isEqualTo("[]");
        }

        @Test
        void aPostedTodoIsAddedToTheList() {
            post("{\"title\":\"walk the dog\"}");

            JsonNode list = json(send("GET", root(), null));
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("title").stringValue()).isEqualTo("walk the dog");
        }

        @Test
        void aNewTodoIsNotCompletedAndHasAUrlThatReturnsIt() {
            JsonNode created = post("{\"title\":\"my todo\"}");
            JsonNode listed = json(send("GET", root(), null)).get(0);

            for (JsonNode todo : List.of(created, listed)) {
                assertThat(todo.get("completed").isBoolean()).isTrue();
                assertThat(todo.get("completed").booleanValue()).isFalse();
                assertThat(todo.get("url").isString()).isTrue();
            }
            assertThat(json(send("GET", created.get("url").stringValue(), null)).get("title").stringValue())
                    .isEqualTo("my todo");
        }

        @Test
        void oneCanNavigateFromTheListToEachTodoByItsUrl() {
            post("{\"title\":\"todo the first\"}");
            post("{\"title\":\"todo the second\"}");

            JsonNode list = json(send("GET", root(), null));
            assertThat(list).hasSize(2);
            for (JsonNode todo : list) {
                assertThat(json(send("GET", todo.get("url").stringValue(), null))).isEqualTo(todo);
            }
        }

        @Test
        void patchingChangesTheTitleAndTheCompletednessAndTheChangesPersist() {
            String url = post("{\"title\":\"initial title\"}").get("url").stringValue();

            assertThat(json(send("PATCH", url, "{\"title\":\"bathe the cat\"}")).get("title").stringValue())
                    .isEqualTo("bathe the cat");
            assertThat(json(send("PATCH", url, "{\"completed\":true}")).get("completed").booleanValue()).isTrue();
            JsonNode patched = json(send("PATCH", url, "{\"title\":\"changed title\",\"completed\":true}"));

            JsonNode refetched = json(send("GET", url, null));
            JsonNode listed = json(send("GET", root(), null));
            assertThat(refetched).isEqualTo(patched);
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0)).isEqualTo(patched);
            assertThat(patched.get("title").stringValue()).isEqualTo("changed title");
            assertThat(patched.get("completed").booleanValue()).isTrue();
        }

        @Test
        void deletingATodosUrlRemovesIt() {
            String url = post("{\"title\":\"blah\"}").get("url").stringValue();

            assertThat(send("DELETE", url, null).status()).isEqualTo(204);

            assertThat(json(send("GET", root(), null))).isEmpty();
        }

        @Test
        void aTodoKeepsTheOrderItIsCreatedWithAndPatchedTo() {
            assertThat(post("{\"title\":\"blah\",\"order\":523}").get("order").intValue()).isEqualTo(523);
            String url = post("{\"title\":\"blah\",\"order\":10}").get("url").stringValue();

            assertThat(json(send("PATCH", url, "{\"order\":95}")).get("order").intValue()).isEqualTo(95);
            assertThat(json(send("GET", url, null)).get("order").intValue()).isEqualTo(95);
        }
    }

    /** What the Todo-Backend web client (Backbone, dataType "json") does that the runner does not. */
    @Nested
    class TodoBackendClient {
        @Test
        void itCreatesWithTitleOrderAndCompletedThenSavesAndDestroysByUrl() {
            Reply created = Http.send(ClassicRequestBuilder.post(deployment.uri(ROOT))
                    .addHeader("Accept", "application/json, text/javascript, */*; q=0.01")
                    .setEntity(new StringEntity("{\"title\":\"from the client\",\"order\":1,\"completed\":false}",
                            ContentType.APPLICATION_JSON)).build());
            String url = json(created).get("url").stringValue();

            // Backbone without {patch: true} sends the whole model back, id and url included
            JsonNode whole = json(send("PATCH", url, created.text().replace("\"completed\":false", "\"completed\":true")));
            Reply destroyed = send("DELETE", url, null);

            assertThat(whole.get("completed").booleanValue()).isTrue();
            assertThat(destroyed.status()).isEqualTo(204); // no body: jQuery's "json" dataType accepts only 204 empty
        }
    }

    @Test
    void aTodoIsIdTitleCompletedOrderAndAnAbsoluteUrlAndPostAnswers201WithItsLocation() {
        Reply reply = send("POST", root(), "{\"title\":\"walk the dog\",\"completed\":true,\"order\":3}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.type()).isEqualTo("application/json");
        JsonNode todo = json(reply);
        List<String> fields = new ArrayList<>(todo.propertyNames());
        assertThat(fields).containsExactly("id", "title", "completed", "order", "url");
        long id = todo.get("id").longValue();
        assertThat(todo.get("url").stringValue()).isEqualTo(root() + "/" + id);
        assertThat(reply.header("Location")).isEqualTo(todo.get("url").stringValue());
        assertThat(todo.get("title").stringValue()).isEqualTo("walk the dog");
        assertThat(todo.get("completed").booleanValue()).isTrue();
        assertThat(todo.get("order").intValue()).isEqualTo(3);
    }

    @Test
    void theListIsSortedByOrderThenByCreationAndATodoWithoutOrderGoesLast() {
        post("{\"title\":\"c\",\"order\":3}");
        post("{\"title\":\"a1\",\"order\":1}");
        post("{\"title\":\"b\",\"order\":2}");
        post("{\"title\":\"a2\",\"order\":1}");
        post("{\"title\":\"first\",\"order\":-7}");
        JsonNode appended = post("{\"title\":\"appended\"}");

        assertThat(appended.get("order").intValue()).isEqualTo(4);
        assertThat(titles(json(send("GET", root(), null)))).containsExactly("first", "a1", "a2", "b", "c", "appended");
    }

    @Test
    void aPatchChangesOnlyTheFieldsItNamesAndIgnoresUnknownOnes() {
        JsonNode todo = post("{\"title\":\"keep\",\"completed\":true,\"order\":5}");
        String url = todo.get("url").stringValue();

        JsonNode patched = json(send("PATCH", url, "{\"order\":6,\"id\":999,\"url\":\"http://elsewhere/\",\"extra\":[1]}"));

        assertThat(patched.get("id")).isEqualTo(todo.get("id"));
        assertThat(patched.get("url")).isEqualTo(todo.get("url"));
        assertThat(patched.get("title").stringValue()).isEqualTo("keep");
        assertThat(patched.get("completed").booleanValue()).isTrue();
        assertThat(patched.get("order").intValue()).isEqualTo(6);
        assertThat(json(send("PATCH", url, "{}"))).isEqualTo(patched);
    }

    @Test
    void titlesKeepEveryCharacterUpToAThousand() {
        String emoji = "\uD83D\uDE00".repeat(1000);
        for (String title : List.of("Zoë 日本語", "  spaces kept  ", "<b>&\"quotes\"</b>", emoji)) {
            String body = JSON.writeValueAsString(java.util.Map.of("title", title));
            JsonNode todo = post(body);
            assertThat(json(send("GET", todo.get("url").stringValue(), null)).get("title").stringValue()).isEqualTo(title);
        }
    }

    @Test
    void missingTodosAre404ProblemDetails() {
        long gone = post("{\"title\":\"gone\"}").get("id").longValue();
        send("DELETE", root() + "/" + gone, null);

        for (String method : List.of("GET", "PATCH", "DELETE")) {
            Reply reply = send(method, root() + "/" + gone, method.equals("PATCH") ? "{\"title\":\"x\"}" : null);
            assertProblem(reply, 404, "There is no todo with id " + gone + ".");
        }
        assertProblem(send("GET", root() + "/not-a-number", null), 404, "nothing at this address");
        assertProblem(send("GET", root() + "/99999999999999999999999", null), 404, "");
        assertProblem(send("DELETE", root() + "/-1", null), 404, "nothing at this address");
        assertThat(json(send("GET", root(), null))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                  | title | is required",
            "{\"completed\":true}                | title | is required",
            "{\"title\":null}                    | title | must be a string",
            "{\"title\":\"\"}                    | title | must not be blank",
            "{\"title\":\" \\t\\n\"}             | title | must not be blank",
            "{\"title\":\"\\u00a0\\u3000\"}      | title | must not be blank",
            "{\"title\":42}                      | title | must be a string",
            "{\"title\":[\"a\"]}                 | title | must be a string",
            "{\"title\":\"a\\u0000b\"}           | title | must not contain the NUL character",
            "{\"title\":\"\\ud800\"}             | title | must be valid Unicode",
            "{\"title\":\"a\",\"completed\":\"true\"} | completed | must be a boolean",
            "{\"title\":\"a\",\"completed\":1}   | completed | must be a boolean",
            "{\"title\":\"a\",\"completed\":null} | completed | must be a boolean",
            "{\"title\":\"a\",\"order\":1.5}     | order | must be an integer",
            "{\"title\":\"a\",\"order\":1.0}     | order | must be an integer",
            "{\"title\":\"a\",\"order\":\"1\"}   | order | must be an integer",
            "{\"title\":\"a\",\"order\":null}    | order | must be an integer",
            "{\"title\":\"a\",\"order\":2147483648} | order | must be an integer between -2147483648 and 2147483647",
            "{\"title\":\"a\",\"order\":-99999999999999999999} | order | must be an integer between -2147483648 and 2147483647",
    })
    void anInvalidTodoIs422NamingTheFieldAndStoresNothing(String body, String field, String problem) {
        Reply reply = send("POST", root(), body);

        assertProblem(reply, 422, "Field '" + field + "' " + problem);
        assertThat(json(reply).get("errors").get(0).get("pointer").stringValue()).isEqualTo("#/" + field);
        assertThat(json(send("GET", root(), null))).isEmpty();
    }

    @Test
    void aTitleOfAThousandAndOneCharactersIsRefused() {
        assertProblem(send("POST", root(), "{\"title\":\"" + "x".repeat(1001) + "\"}"), 422,
                "Field 'title' must be at most 1000 characters");
        assertThat(post("{\"title\":\"" + "x".repeat(1000) + "\"}").get("title").stringValue()).hasSize(1000);
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        Reply reply = send("POST", root(), "{\"title\":\"\",\"completed\":\"no\",\"order\":0.5}");

        assertProblem(reply, 422, "'title' must not be blank");
        assertThat(reply.text()).contains("'completed' must be a boolean").contains("'order' must be an integer");
        assertThat(json(reply).get("errors")).extracting(e -> e.get("pointer").stringValue())
                .containsExactly("#/title", "#/completed", "#/order");
    }

    @Test
    void aRejectedPatchChangesNothingEvenWhereItsOtherFieldsAreValid() {
        JsonNode todo = post("{\"title\":\"unchanged\",\"order\":1}");
        String url = todo.get("url").stringValue();

        assertProblem(send("PATCH", url, "{\"title\":\"new\",\"completed\":true,\"order\":\"2\"}"), 422, "'order'");
        assertProblem(send("PATCH", url, "{\"title\":\"  \"}"), 422, "'title' must not be blank");
        assertProblem(send("PATCH", url, "{\"title\":null}"), 422, "'title' must be a string");
        assertProblem(send("PATCH", url, "[{\"title\":\"new\"}]"), 422, "must be a JSON object");
        assertProblem(send("PATCH", url, "{\"title\":\"new\""), 400, "not valid JSON");

        assertThat(json(send("GET", url, null))).isEqualTo(todo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"walk the dog\"", "42", "null", "true"})
    void aBodyThatIsNotAnObjectIs422(String body) {
        assertProblem(send("POST", root(), body), 422, "The body must be a JSON object");
    }

    @Test
    void bodiesThatAreNotJsonAreRefusedAsTheRestOfTheApiRefusesThem() {
        Reply malformed = send("POST", root(), "{\"title\": \"a\",}");
        Reply noType = Http.send(ClassicRequestBuilder.post(deployment.uri(ROOT))
                .setEntity(new StringEntity("{\"title\":\"a\"}", (ContentType) null)).build());
        Reply form = Http.send(ClassicRequestBuilder.post(deployment.uri(ROOT))
                .setEntity(new StringEntity("title=a", ContentType.APPLICATION_FORM_URLENCODED)).build());
        Reply empty = send("POST", root(), "");
        Reply tooLarge = send("POST", root(), "{\"title\":\"a\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}");

        assertProblem(malformed, 400, "not valid JSON");
        assertProblem(noType, 415, "Content-Type");
        assertProblem(form, 415, "application/json");
        assertProblem(empty, 400, "no body");
        assertProblem(tooLarge, 413, "larger than");
        assertThat(json(send("GET", root(), null))).isEmpty();
    }

    @Test
    void otherMethodsAre405WithAllowAndHeadAndOptionsAreAnswered() {
        String url = post("{\"title\":\"a\"}").get("url").stringValue();

        Reply put = send("PUT", url, "{\"title\":\"b\"}");
        Reply postToTodo = send("POST", url, "{\"title\":\"b\"}");
        Reply patchRoot = send("PATCH", root(), "{\"title\":\"b\"}");
        Reply options = Http.send(ClassicRequestBuilder.options(url).build());
        Reply head = Http.send(ClassicRequestBuilder.head(root()).build());

        assertProblem(put, 405, "PUT is not supported");
        assertThat(put.header("Allow")).contains("GET", "PATCH", "DELETE").doesNotContain("PUT");
        assertProblem(postToTodo, 405, "POST is not supported");
        assertProblem(patchRoot, 405, "PATCH is not supported");
        assertThat(patchRoot.header("Allow")).contains("GET", "POST", "DELETE");
        assertThat(options.status()).isIn(200, 204);
        assertThat(options.header("Allow")).contains("GET", "HEAD", "PATCH", "DELETE", "OPTIONS");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(json(send("GET", url, null)).get("title").stringValue()).isEqualTo("a");
    }

    @Test
    void aBrowserOnAnotherOriginMayUseTheApi() {
        String url = post("{\"title\":\"a\"}").get("url").stringValue();

        Reply preflight = Http.send(ClassicRequestBuilder.options(url)
                .addHeader("Origin", "http://www.todobackend.com")
                .addHeader("Access-Control-Request-Method", "PATCH")
                .addHeader("Access-Control-Request-Headers", "content-type").build());
        Reply patch = Http.send(ClassicRequestBuilder.patch(url).addHeader("Origin", "http://www.todobackend.com")
                .setEntity(new StringEntity("{\"completed\":true}", ContentType.APPLICATION_JSON)).build());

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PATCH", "DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessAProxyIsTrusted() {
        Reply reply = Http.send(ClassicRequestBuilder.post(deployment.uri(ROOT))
                .addHeader("X-Forwarded-Proto", "https")
                .addHeader("X-Forwarded-Host", "evil.example")
                .setEntity(new StringEntity("{\"title\":\"a\"}", ContentType.APPLICATION_JSON)).build());

        assertThat(json(reply).get("url").stringValue()).startsWith(root() + "/");
        assertThat(reply.header("Location")).startsWith(root() + "/");
    }

    @Test
    void concurrentCreatesAllLandWithDistinctIds() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> created = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = "{\"title\":\"todo " + i + "\"}";
                created.add(clients.submit(() -> post(body)));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<JsonNode> todo : created) {
                ids.add(todo.get().get("id").longValue());
            }

            assertThat(ids).hasSize(40);
            assertThat(json(send("GET", root(), null))).hasSize(40);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aLongListComesBackWholeAndInOrder() {
        for (int i = 0; i < 300; i++) {
            post("{\"title\":\"todo " + i + "\",\"order\":" + (300 - i) + "}");
        }

        JsonNode list = json(send("GET", root(), null));

        assertThat(list).hasSize(300);
        assertThat(list.get(0).get("title").stringValue()).isEqualTo("todo 299");
        assertThat(list.get(299).get("title").stringValue()).isEqualTo("todo 0");
    }

    private String root() {
        return deployment.uri(ROOT).toString();
    }

    /** The way the Todo-Backend spec runner sends every request: JSON type, text preferred, body or not. */
    private static Reply send(String method, String url, String body) {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(url)
                .addHeader("Accept", "text/plain, */*; q=0.01");
        if (body != null) {
            request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        } else {
            request.addHeader("Content-Type", "application/json");
        }
        return Http.send(request.build());
    }

    private JsonNode post(String body) {
        Reply reply = send("POST", root(), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return json(reply);
    }

    private static JsonNode json(Reply reply) {
        return JSON.readTree(reply.body());
    }

    private static List<String> titles(JsonNode list) {
        List<String> titles = new ArrayList<>();
        list.forEach(todo -> titles.add(todo.get("title").stringValue()));
        return titles;
    }
}
