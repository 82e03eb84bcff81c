package dev.groundup.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentCodingsTest {
    @ParameterizedTest(name = "\"{0}\" gzip={1} br={2}")
    @CsvSource(nullValues = "none", delimiter = '|', value = {
            "gzip, deflate, br       | true  | true",
            "GZIP                    | true  | false",
            "br;q=1.0, gzip;q=0.8    | true  | true",
            "gzip;q=0, br            | false | true",
            "gzip; q=0.000           | false | false",
            "*                       | true  | true",
            "*, gzip;q=0             | false | true",
            "*;q=0                   | false | false",
            "identity                | false | false",
            "gzip;q=abc              | false | false",
            "none                    | false | false",
    })
    void acceptsReadsNamesWildcardsAndWeights(String header, boolean gzip, boolean br) {
        assertThat(ContentCodings.accepts(header, "gzip")).isEqualTo(gzip);
        assertThat(ContentCodings.accepts(header, "br")).isEqualTo(br);
    }

    @Test
    void acceptableIsWhatWeMayServeInOurOrder() {
        assertThat(ContentCodings.acceptable("gzip, deflate, br")).isEqualTo("br, gzip");
        assertThat(ContentCodings.acceptable("gzip, br;q=0")).isEqualTo("gzip");
        assertThat(ContentCodings.acceptable("deflate")).isNull();
    }

    @Test
    void etagsCarryTheirCoding() {
        assertThat(ContentCodings.withCoding("W/\"abc\"", "gzip")).isEqualTo("W/\"abc--gzip\"");
        assertThat(ContentCodings.withCoding("\"abc\"", "br")).isEqualTo("\"abc--br\"");
        assertThat(ContentCodings.withCoding("W/\"abc--br\"", "br")).isEqualTo("W/\"abc--br\"");
        assertThat(ContentCodings.codingOf("W/\"abc--gzip\"")).isEqualTo("gzip");
        assertThat(ContentCodings.codingOf("W/\"abc\"")).isNull();
    }

    @Test
    void ifNoneMatchIsComparedWithoutCodings() {
        assertThat(ContentCodings.withoutCodings("W/\"a--gzip\", \"b--br\", \"c\""))
                .isEqualTo("W/\"a\", \"b\", \"c\"");
        assertThat(ContentCodings.codingIn("\"x\", W/\"a--br\", W/\"a--gzip\"")).isEqualTo("br");
        assertThat(ContentCodings.codingIn("W/\"a--gzip\"")).isEqualTo("gzip");
        assertThat(ContentCodings.codingIn("W/\"a\"")).isNull();
    }
}
