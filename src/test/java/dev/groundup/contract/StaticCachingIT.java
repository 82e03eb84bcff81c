package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validators, conditional requests and Cache-Control. */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class StaticCachingIT {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String SHORT = "public, max-age=600";

    @Parameter
    Deployment deployment;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/css/site.css", "/images/ground.png", "/favicon.ico", "/robots.txt"})
    void everyFileHasAnETagAndLastModified(String path) {
        Reply reply = get(path);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("ETag")).matches("(W/)?\"[^\"]+\"");
        ZonedDateTime.parse(reply.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/css/site.css", "/images/ground.png"})
    void matchingIfNoneMatchIs304WithTheSameValidatorsAndCachePolicy(String path) {
        Reply full = get(path);
        Reply notModified = Http.send(ClassicRequestBuilder.get(deployment.uri(path))
                .addHeader("If-None-Match", full.header("ETag")).build());

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(full.header("ETag"));
        assertThat(notModified.header("Cache-Control")).isEqualTo(full.header("Cache-Control"));
    }

    @Test
    void ifNoneMatchListAndWildcardMatchToo() {
        String etag = get("/css/site.css").header("ETag");

        assertThat(conditional("/css/site.css", "If-None-Match", "\"other\", " + etag).status()).isEqualTo(304);
        assertThat(conditional("/css/site.css", "If-None-Match", "*").status()).isEqualTo(304);
    }

    @Test
    void staleIfNoneMatchGetsTheFile() {
        Reply reply = conditional("/css/site.css", "If-None-Match", "W/\"not-this-one\"");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(Site.bytes("/css/site.css"));
    }

    @Test
    void ifModifiedSinceIs304WhenUnchangedAnd200WhenOlder() {
        String lastModified = get("/images/ground.png").header("Last-Modified");
        String before = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).minusDays(1));

        assertThat(conditional("/images/ground.png", "If-Modified-Since", lastModified).status()).isEqualTo(304);
        assertThat(conditional("/images/ground.png", "If-Modified-Since", before).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/files/", "/files/index.html"})
    void pagesAreRevalidatedEveryTime(String path) {
        assertThat(get(path).header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void fingerprintedFilesAreImmutableForAYear() {
        assertThat(get(Site.script()).header("Cache-Control")).isEqualTo(IMMUTABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/css/site.css", "/images/logo.svg", "/images/ground.png", "/favicon.ico", "/site.webmanifest"})
    void otherAssetsAreCachedBriefly(String path) {
        assertThat(get(path).header("Cache-Control")).isEqualTo(SHORT);
    }

    @Test
    void cachePolicyIsTheSameWhateverTheEncoding() {
        for (String path : new String[] {"/", "/css/site.css", Site.script()}) {
            Reply plain = get(path);
            Reply encoded = Http.send(ClassicRequestBuilder.get(deployment.uri(path))
                    .addHeader("Accept-Encoding", "gzip, br").build());
            assertThat(encoded.header("Cache-Control")).as(path).isEqualTo(plain.header("Cache-Control"));
        }
    }

    /**
     * A GET whose condition fails is answered in full; it must look exactly like a plain GET (in the
     * launcher the plain one takes the fast path and the conditional one the servlet).
     */
    @ParameterizedTest
    @ValueSource(strings = {"/css/site.css", "/images/ground.png", "/images/logo.svg", "/favicon.ico", "/robots.txt",
            "/index.html", "/site.webmanifest"})
    void aFailedConditionAnswersExactlyLikeAPlainGet(String path) {
        Reply plain = get(path);
        Reply conditional = conditional(path, "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT");

        assertThat(conditional.status()).isEqualTo(200);
        assertThat(StaticCompressionIT.headers(conditional)).isEqualTo(StaticCompressionIT.headers(plain));
        assertThat(conditional.body()).isEqualTo(plain.body());
    }

    @Test
    void scriptTooAnswersAlikeEitherWay() {
        Reply plain = get(Site.script());
        Reply conditional = conditional(Site.script(), "If-None-Match", "\"other\"");

        assertThat(StaticCompressionIT.headers(conditional)).isEqualTo(StaticCompressionIT.headers(plain));
    }

    @Test
    void errorsAreNeverStored() {
        Reply missing = get("/css/missing.css");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Cache-Control")).isEqualTo("no-store");
    }

    /**
     * If-Match is left to the container, on the launcher's fast path for files (a png) as behind
     * the filter (a css file): a tag that does not match is 412 everywhere.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/images/ground.png", "/css/site.css"})
    void aFailedIfMatchIs412Everywhere(String path) {
        Reply failed = conditional(path, "If-Match", "\"no-such-tag\"");

        assertThat(failed.status()).isEqualTo(412);
        assertThat(failed.header("Cache-Control")).isEqualTo("no-store");
    }

    private Reply get(String path) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(path)).build());
    }

    private Reply conditional(String path, String header, String value) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(path)).addHeader(header, value).build());
    }
}
