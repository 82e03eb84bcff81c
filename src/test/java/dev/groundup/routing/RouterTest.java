package dev.groundup.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundup.errors.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router's matching and decoding; properties run over {@link Generated} inputs. */
class RouterTest {
    private static final Handler NOTHING = ex -> { };

    private static Router router(Routes... tables) {
        return new Router(List.of(tables));
    }

    private static String routed(Router router, String method, String rawPath) {
        Router.Match match = router.match(method, rawPath);
        return match == null || match.bound() == null ? null : match.bound().route.template();
    }

    private static String param(Router router, String rawPath, String name) {
        Router.Match match = router.match("GET", rawPath);
        Router.Bound bound = match.bound();
        for (int i = 0; i < bound.names.length; i++) {
            if (bound.names[i].equals(name)) {
                return match.segments()[bound.positions[i]];
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    /** Percent-encodes every byte of the UTF-8 form, as a client may. */
    static String encodeAll(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    /** Percent-encodes what a path segment may not hold literally (RFC 3986 pchar). */
    static String encodeSegment(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** Any non-empty text but the dot segments, which name no resource. */
    private static List<String> segmentValues() {
        return Generated.strings(Generated.CASES, 1, 30).stream()
                .filter(s -> !s.equals(".") && !s.equals("..")).toList();
    }

    @Test
    void aParameterGetsBackExactlyTheDecodedSegment() {
        Router router = router(new Routes(Routes.JSON).get("/x/{v}", NOTHING));

        for (String value : segmentValues()) {
            assertThat(param(router, "/x/" + encodeSegment(value), "v")).as(value).isEqualTo(value);
            assertThat(param(router, "/x/" + encodeAll(value), "v")).as(value).isEqualTo(value);
        }
    }

    @Test
    void literalSegmentsWinOverParametersAndParametersTakeTheRest() {
        List<String> values = segmentValues();
        for (int i = 0; i + 1 < values.size(); i += 2) {
            String literal = "l" + values.get(i).codePoints().filter(Character::isLetterOrDigit)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            String other = values.get(i + 1);
            if (other.equals(literal)) {
                continue;
            }
            Router router = router(new Routes(Routes.JSON)
                    .get("/a/{name}", NOTHING)
                    .get("/a/" + literal, NOTHING));

            assertThat(routed(router, "GET", "/a/" + literal)).as(literal).isEqualTo("/a/" + literal);
            assertThat(routed(router, "GET", "/a/" + encodeAll(literal))).as(literal).isEqualTo("/a/" + literal);
            assertThat(routed(router, "GET", "/a/" + encodeSegment(other))).as(other).isEqualTo("/a/{name}");
        }
    }

    @Test
    void aLongParameterTakesEveryNonNegativeLongAndNothingElse() {
        Router router = router(new Routes(Routes.JSON).get("/todos/{id:long}", NOTHING));

        for (long id : Generated.nonNegativeLongs(Generated.CASES)) {
            assertThat(param(router, "/todos/" + id, "id")).isEqualTo(Long.toString(id));
        }
        for (String notANumber : segmentValues()) {
            if (!notANumber.chars().allMatch(c -> c >= '0' && c <= '9')) {
                assertThat(router.match("GET", "/todos/" + encodeSegment(notANumber))).as(notANumber).isNull();
            }
        }
    }

    @Test
    void longsTooBigOrSignedDoNotMatchALongParameter() {
        Router router = router(new Routes(Routes.JSON).get("/todos/{id:long}", NOTHING));

        assertThat(routed(router, "GET", "/todos/9223372036854775807")).isEqualTo("/todos/{id:long}");
        assertThat(router.match("GET", "/todos/9223372036854775808")).isNull();
        assertThat(router.match("GET", "/todos/-1")).isNull();
        assertThat(router.match("GET", "/todos/1.0")).isNull();
        assertThat(router.match("GET", "/todos/")).isNull();
    }

    @Test
    void anyRawPathEitherMatchesOrNotButOnlyEverFailsAsA400() {
        Router router = router(new Routes(Routes.JSON)
                .get("/a/{x}", NOTHING).post("/a/b", NOTHING)
                .get("/a/{id:long}/c", NOTHING).delete("/a/{x}/{y}", NOTHING)
                .get("/plain", NOTHING));
        List<String> pieces = List.of("a", "b", "c", "plain", "1", "42", "%", "%2", "%zz", "%C3%A9", "%C3", "%FF",
                "%2F", "", ".", "..", "+", "é", "日本", "\uD83D\uDE00", "\uD800", "\uDC00x");
        List<String> methods = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "BREW");
        List<String> paths = new ArrayList<>(Generated.joined(3 * Generated.CASES, pieces, "/", p -> "/" + p));
        paths.addAll(List.of("", "x", "//", "/a//b", "a/b"));
        for (String rawPath : paths) {
            for (String method : methods) {
                try {
                    Router.Match match = router.match(method, rawPath);
                    if (match != null) {
                        assertThat(match.allow()).as(rawPath).contains("OPTIONS");
                    }
                } catch (Problem p) {
                    assertThat(p.status()).as(rawPath).isEqualTo(400);
                }
            }
        }
    }

    @Test
    void aRouteAmongThousandsIsFoundByItsPathAlone() {
        Routes table = new Routes(Routes.JSON);
        for (int i = 0; i < 5000; i++) {
            table.get("/r" + i + "/{id:long}", NOTHING).get("/r" + i + "/{id:long}/items/{name}", NOTHING);
        }
        Router router = new Router(List.of(table));

        assertThat(routed(router, "GET", "/r4999/7")).isEqualTo("/r4999/{id:long}");
        assertThat(param(router, "/r0/7/items/x%20y", "name")).isEqualTo("x y");
        assertThat(router.match("GET", "/r5000/7")).isNull();
    }

    @Test
    void aDeadEndOnTheLiteralBranchBacktracksToTheParameter() {
        Router router = router(new Routes(Routes.JSON).get("/a/b/c", NOTHING).get("/a/{x}/d", NOTHING));

        assertThat(routed(router, "GET", "/a/b/c")).isEqualTo("/a/b/c");
        assertThat(routed(router, "GET", "/a/b/d")).isEqualTo("/a/{x}/d");
        assertThat(param(router, "/a/b/d", "x")).isEqualTo("b");
    }

    @Test
    void theMethodChoosesAmongPathsThatBothMatch() {
        Router router = router(new Routes(Routes.JSON).get("/a/b", NOTHING).post("/a/{x}", NOTHING));

        assertThat(routed(router, "POST", "/a/b")).isEqualTo("/a/{x}");
        assertThat(router.match("DELETE", "/a/b").allow()).isEqualTo("GET, HEAD, POST, OPTIONS");
    }

    @Test
    void headIsAnsweredByGetAndAllowListsEveryMethodOfThePath() {
        Router router = router(new Routes(Routes.JSON)
                .get("/t/{id:long}", NOTHING).patch("/t/{id:long}", NOTHING).delete("/t/{id:long}", NOTHING)
                .route("PROPFIND", "/t/{id:long}", null, NOTHING));

        assertThat(routed(router, "HEAD", "/t/1")).isEqualTo("/t/{id:long}");
        Router.Match wrong = router.match("PUT", "/t/1");
        assertThat(wrong.bound()).isNull();
        assertThat(wrong.allow()).isEqualTo("GET, HEAD, PATCH, DELETE, OPTIONS, PROPFIND");
        assertThat(router.match("PUT", "/t/x")).isNull();
    }

    @Test
    void encodedSlashesStayInsideTheirSegmentAndPlusIsNotASpace() {
        Router router = router(new Routes(Routes.JSON).get("/f/{name}", NOTHING));

        assertThat(param(router, "/f/a%2Fb", "name")).isEqualTo("a/b");
        assertThat(param(router, "/f/a+b", "name")).isEqualTo("a+b");
        assertThat(router.match("GET", "/f/a/b")).isNull();
    }

    @Test
    void malformedEscapesAndNonUtf8BytesAreA400() {
        Router router = router(new Routes(Routes.JSON).get("/f/{name}", NOTHING));

        for (String bad : List.of("/f/%", "/f/%2", "/f/%zz", "/f/%C3%28", "/f/%FF", "/f/%ED%A0%80")) {
            assertThatThrownBy(() -> router.match("GET", bad)).as(bad)
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(400));
        }
    }

    @Test
    void dotSegmentsAndEmptySegmentsAreNoParameterValues() {
        Router router = router(new Routes(Routes.JSON).get("/f/{name}", NOTHING));

        assertThat(router.match("GET", "/f/..")).isNull();
        assertThat(router.match("GET", "/f/.")).isNull();
        assertThat(router.match("GET", "/f/")).isNull();
        assertThat(router.match("GET", "/f")).isNull();
    }

    @Test
    void servletMappingsCoverExactlyTheRoutes() {
        Router router = router(new Routes(Routes.JSON)
                .get("/plaintext", NOTHING).get("/api/todos", NOTHING).get("/api/todos/{id:long}", NOTHING)
                .get("/hello/{name}", NOTHING));

        assertThat(router.servletMappings()).containsExactly("/plaintext", "/api/todos", "/api/todos/*", "/hello/*");
    }

    @Test
    void badTemplatesAndCollisionsFailAtStartupWithAReason() {
        for (String[] bad : new String[][]{
                {"hello", "must start with '/'"}, {"/", "at least one segment"}, {"/a//b", "empty segment"},
                {"/a/", "empty segment"}, {"/{x}", "first segment must be literal"},
                {"/a/{x:int}", "type 'int' is unknown"}, {"/a/{x}/{x}", "appears twice"},
                {"/a/b{x}", "whole segment"}, {"/a/{1x}", "not a parameter name"}, {"/a/..", "dot segments"}}) {
            assertThatThrownBy(() -> router(new Routes(Routes.JSON).get(bad[0], NOTHING)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad[1]);
        }
        assertThatThrownBy(() -> router(new Routes(Routes.JSON).get("/a/{x}", NOTHING), new Routes(null).get("/a/{y}", NOTHING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GET /a/{y} is already routed by GET /a/{x}");
    }
}
