package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** What every response carries, and what none may reveal, in every deployment. */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class ResponseBasicsIT {
    @Parameter
    Deployment deployment;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, /hello, 200",
            "HEAD, /hello, 200",
            "POST, /hello, 200",
            "OPTIONS, /hello, 204",
            "PUT, /hello, 405",
            "GET, /, 200",
            "GET, /no/such/page, 404",
            "GET, /error, 404",
            "GET, /index.jsp, 404",
    })
    void everyResponseHasDateAndOurServerNameAndNoContainerName(String method, String path, int status) {
        Reply reply = Http.send(ClassicRequestBuilder.create(method).setUri(deployment.uri(path)).build());

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.headers("Server")).containsExactly("Groundup");
        assertThat(reply.header("Date")).isNotNull();
        ZonedDateTime.parse(reply.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("X-Powered-By")).isNull();
        assertThat(reply.toString()).doesNotContainIgnoringCase("jetty").doesNotContainIgnoringCase("tomcat");
    }

    @Test
    void notFoundIsAnHtmlPageWithoutInternals() {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/no/such/page")).build());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
        assertThat(reply.text()).contains("<h1>404 Not Found</h1>")
                .doesNotContain("Exception").doesNotContain("at dev.groundup");
    }
}
