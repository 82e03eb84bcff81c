package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;

/**
 * Form tokens are stateless: an instance accepts a form another instance served, if both have the
 * same secret (behind a load balancer, the next request may go anywhere); with another secret, or
 * none (each makes its own), it refuses it. Launchers on one shared in-memory database.
 */
class SharedSecretIT {
    private static final String DB = "jdbc:h2:mem:shared-secret;DB_CLOSE_DELAY=-1";
    private static final String SECRET = "the same secret on every instance";
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void aFormFromOneInstancePostsToAnotherWithTheSameSecret() {
        URI one = Servers.launcher("--db-url", DB, "--secret", SECRET).base();
        URI two = Servers.launcher("--db-url", DB, "--secret", SECRET).base();
        URI other = Servers.launcher("--db-url", DB, "--secret", "a different secret, just as long").base();
        URI none = Servers.launcher("--db-url", DB).base();

        Reply page = Http.send(ClassicRequestBuilder.get(one + "/todos").build());
        String cookie = page.header("Set-Cookie").substring(0, page.header("Set-Cookie").indexOf(';'));
        Matcher token = TOKEN.matcher(page.text());
        assertThat(token.find()).isTrue();

        assertThat(post(two, cookie, token.group(1), "posted to the second").status()).isEqualTo(303);
        assertThat(post(other, cookie, token.group(1), "refused by another secret").status()).isEqualTo(403);
        assertThat(post(none, cookie, token.group(1), "refused without a secret").status()).isEqualTo(403);
        assertThat(Http.send(ClassicRequestBuilder.get(one + "/todos").addHeader("Cookie", cookie).build()).text())
                .contains(">posted to the second<").doesNotContain("refused");
    }

    private static Reply post(URI base, String cookie, String token, String title) {
        return Http.send(ClassicRequestBuilder.post(base + "/todos").addHeader("Cookie", cookie)
                .setEntity(new StringEntity("csrf=" + token + "&filter=all&title=" + title.replace(' ', '+'),
                        ContentType.create("application/x-www-form-urlencoded", (java.nio.charset.Charset) null)))
                .build());
    }
}
