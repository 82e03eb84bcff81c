package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Byte ranges of the identity representation, and If-Range. */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class StaticRangesIT {
    private static final String PNG = "/images/ground.png";
    private static final byte[] FILE = Site.bytes(PNG);
    private static final int LENGTH = FILE.length;

    @Parameter
    Deployment deployment;

    @Test
    void filesSayTheyAcceptRanges() {
        assertThat(get(PNG).header("Accept-Ranges")).isEqualTo("bytes");
    }

    @Test
    void singleRangeIs206WithContentRange() {
        Reply reply = ranged("bytes=100-199");

        assertThat(reply.status()).isEqualTo(206);
        assertThat(reply.header("Content-Range")).isEqualTo("bytes 100-199/" + LENGTH);
        assertThat(reply.header("Content-Length")).isEqualTo("100");
        assertThat(reply.type()).isEqualTo("image/png");
        assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(FILE, 100, 200));
    }

    @Test
    void suffixRangeIsTheLastBytes() {
        Reply reply = ranged("bytes=-50");

        assertThat(reply.status()).isEqualTo(206);
        assertThat(reply.header("Content-Range")).isEqualTo("bytes " + (LENGTH - 50) + "-" + (LENGTH - 1) + "/" + LENGTH);
        assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(FILE, LENGTH - 50, LENGTH));
    }

    @Test
    void openRangeRunsToTheEndAndAnOverlongOneIsCut() {
        Reply open = ranged("bytes=" + (LENGTH - 10) + "-");
        Reply overlong = ranged("bytes=" + (LENGTH - 10) + "-" + (LENGTH + 1000));

        assertThat(open.status()).isEqualTo(206);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(FILE, LENGTH - 10, LENGTH));
        assertThat(overlong.status()).isEqualTo(206);
        assertThat(overlong.header("Content-Range")).isEqualTo("bytes " + (LENGTH - 10) + "-" + (LENGTH - 1) + "/" + LENGTH);
    }

    @Test
    void unsatisfiableRangeIs416WithTheLength() {
        Reply reply = ranged("bytes=" + LENGTH + "-");

        assertThat(reply.status()).isEqualTo(416);
        assertThat(reply.header("Content-Range")).isEqualTo("bytes */" + LENGTH);
        assertThat(String.valueOf(reply.header("Cache-Control"))).doesNotContain("max-age"); // never cached
    }

    @Test
    void ifRangeWithTheCurrentDateGivesTheRange() {
        String lastModified = get(PNG).header("Last-Modified");

        Reply reply = ranged("bytes=0-9", "If-Range", lastModified);

        assertThat(reply.status()).isEqualTo(206);
        assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(FILE, 0, 10));
    }

    @Test
    void ifRangeWithAnOlderDateGivesTheWholeFile() {
        String lastModified = get(PNG).header("Last-Modified");
        String older = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).minusHours(1));

        Reply reply = ranged("bytes=0-9", "If-Range", older);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Range")).isNull();
        assertThat(reply.body()).isEqualTo(FILE);
    }

    @Test
    void ifRangeWithAnotherETagGivesTheWholeFile() {
        Reply reply = ranged("bytes=0-9", "If-Range", "\"some-other-version\"");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(FILE);
    }

    @Test
    void ifRangeWithOurWeakETagGivesTheWholeFileAsRfc9110Requires() {
        String etag = get(PNG).header("ETag");
        assertThat(etag).startsWith("W/"); // weak validators never match strongly

        Reply reply = ranged("bytes=0-9", "If-Range", etag);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(FILE);
    }

    @Test
    void rangeOfAPageThatWouldBeGzippedIsOfTheIdentityBytes() {
        byte[] page = Site.bytes("/index.html");
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/index.html"))
                .addHeader("Range", "bytes=0-14").addHeader("Accept-Encoding", "gzip").build());

        assertThat(reply.status()).isEqualTo(206);
        assertThat(reply.header("Content-Encoding")).isNull();
        assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(page, 0, 15));
    }

    private Reply get(String path) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(path)).build());
    }

    private Reply ranged(String range, String... header) {
        var request = ClassicRequestBuilder.get(deployment.uri(PNG)).addHeader("Range", range);
        for (int i = 0; i < header.length; i += 2) {
            request.addHeader(header[i], header[i + 1]);
        }
        return Http.send(request.build());
    }
}
