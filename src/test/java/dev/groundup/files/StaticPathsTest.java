package dev.groundup.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticPathsTest {
    @ParameterizedTest
    @ValueSource(strings = {"/css/site.css", "/a%20b.txt", "/caf%C3%A9/menu.html", "/..a/b", "/a..b/c", "/%2e%2ea/x",
            "/x%2ey.txt", "/"})
    void ordinaryPathsPass(String path) {
        assertThat(StaticPaths.refusal(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/css/%2e%2e/index.html", "/css/%2E%2E/x", "/css/.%2e/x", "/css/%2e./x", "/css/%2e/x",
            "/%2e%2e", "/css/%2e%2e;x=1/y", "/a%2fb", "/a%2Fb", "/a%5cb", "/a%5Cb", "/a%00.png"})
    void encodedTraversalIsRefused(String path) {
        assertThat(StaticPaths.refusal(path)).isNotNull();
    }
}
