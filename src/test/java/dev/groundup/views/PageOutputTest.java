package dev.groundup.views;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageOutputTest {
    private static final String[] PIECES = {"a", "<", "&amp;", " ", "·", "é", "€", "😀", "\n", "Todos", "\"", "ü"};

    /** Seeded: ASCII, 2-, 3- and 4-byte characters, written whole, as ranges and as bytes, past the first capacity. */
    @Test
    void writesExactlyTheUtf8OfWhatItIsGiven() {
        Random random = new Random(20261201);
        for (int run = 0; run < 200; run++) {
            PageOutput out = new PageOutput(1 + random.nextInt(16));
            StringBuilder expected = new StringBuilder();
            for (int write = random.nextInt(50); write > 0; write--) {
                StringBuilder text = new StringBuilder();
                for (int piece = random.nextInt(8); piece > 0; piece--) {
                    text.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String s = text.toString();
                switch (random.nextInt(3)) {
                    case 0 -> out.writeContent(s);
                    case 1 -> {
                        // a range that does not split a surrogate pair, as jte's escaping never does
                        int begin = s.offsetByCodePoints(0, random.nextInt(s.codePointCount(0, s.length()) + 1));
                        out.writeContent(s, begin, s.length());
                        s = s.substring(begin);
                    }
                    default -> out.writeBinaryContent(s.getBytes(StandardCharsets.UTF_8));
                }
                expected.append(s);
            }
            assertThat(out.toByteArray()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(out.length()).isEqualTo(out.toByteArray().length);
        }
    }

    /** The same bytes as jte's own UTF-8 output, and a small page after a large one is neither padded nor cut. */
    @Test
    void pagesOfEverySizeComeOutAsJteWouldWriteThem(@TempDir Path source, @TempDir Path classes) throws IOException {
        Files.writeString(source.resolve("page.jte"), "@param String text\n<p title=\"${text}\">Grüße · ${text}</p>");
        Views views = Views.fromSource(source);
        TemplateEngine jte = TemplateEngine.create(new DirectoryCodeResolver(source), classes, ContentType.Html);
        String large = "<Åda> 😀 & \"'".repeat(5_000);

        for (String text : new String[] {"x", large, "<Åda> 😀", ""}) {
            Utf8ByteOutput expected = new Utf8ByteOutput();
            jte.render("page.jte", text, expected);
            assertThat(views.render("page.jte", text)).isEqualTo(expected.toByteArray());
        }
    }
}
