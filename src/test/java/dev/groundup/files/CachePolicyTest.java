package dev.groundup.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachePolicyTest {
    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(nullValues = "none", value = {
            "/,                          none,                    no-cache",
            "/docs/,                     none,                    no-cache",
            "/index.html,                text/html;charset=utf-8, no-cache",
            "/page.a1b2c3d4.html,        text/html;charset=utf-8, no-cache",
            "/js/app.3f9a1c2b.js,        text/javascript,         immutable",
            "/js/app-3f9a1c2b.js,        text/javascript,         immutable",
            "/js/app.3f9a1c2b.js.map,    application/json,        immutable",
            "/css/site.0123456789abcdef0123456789abcdef.css, text/css, immutable",
            "/js/app.js,                 text/javascript,         short",
            "/css/site.css,              text/css,                short",
            "/report-20260101.css,       text/css,                short",
            "/deadbeef.css,              text/css,                short",
            "/x.deadbeef.css,            text/css,                short",
            "/x.3F9A1C2B.js,             text/javascript,         short",
            "/x.3f9a1c2.js,              text/javascript,         short",
            "/x.3f9a1c2bz.js,            text/javascript,         short",
            "/app.3f9a1c2b,              none,                    short",
            "/LICENSE,                   none,                    short",
    })
    void cacheControlFollowsWhatTheFileIs(String path, String type, String expected) {
        String want = switch (expected) {
            case "no-cache" -> "no-cache";
            case "immutable" -> "public, max-age=31536000, immutable";
            default -> "public, max-age=600";
        };
        assertThat(CachePolicy.cacheControl(path, type)).isEqualTo(want);
    }
}
