package dev.groundup.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTheFiveCharactersAndKeepsTheRest() {
        assertThat(Html.escape("<script>alert(\"x\" & 'y')</script> — フ"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt; — フ");
        assertThat(Html.escape("&&")).isEqualTo("&amp;&amp;");
        assertThat(Html.escape("")).isEmpty();
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String plain = "A computer scientist is someone who fixes things that aren't broken.".replace("'", "");
        assertThat(Html.escape(plain)).isSameAs(plain);
    }
}
