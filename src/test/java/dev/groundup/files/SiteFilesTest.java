package dev.groundup.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.brotli.dec.BrotliInputStream;
import org.junit.jupiter.api.Test;

/**
 * The built-in site stays consistent with itself: a precompressed sibling holds exactly its
 * original, and a fingerprinted name is the hash of its content (else browsers that cached the old
 * file for a year would never see the new one).
 */
class SiteFilesTest {
    private static final Path SITE = Path.of("webapp");
    /** name.HASH.ext, HASH the first 8 hex digits of the content's SHA-256. */
    private static final Pattern FINGERPRINTED = Pattern.compile(".+\\.([0-9a-f]{8})\\.[a-z0-9]+");

    @Test
    void precompressedSiblingsDecodeToTheirOriginal() throws IOException {
        List<Path> siblings = files().filter(p -> p.toString().endsWith(".gz") || p.toString().endsWith(".br")).toList();
        assertThat(siblings).isNotEmpty();
        for (Path sibling : siblings) {
            String name = sibling.toString();
            Path original = Path.of(name.substring(0, name.length() - 3));
            try (InputStream in = name.endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(sibling))
                    : new BrotliInputStream(Files.newInputStream(sibling))) {
                assertThat(in.readAllBytes()).as("%s is stale: recompress %s (see docs/static-files.md)", sibling, original)
                        .isEqualTo(Files.readAllBytes(original));
            }
        }
    }

    @Test
    void fingerprintedNamesAreTheirContentHash() throws IOException {
        List<Path> fingerprinted = files().filter(p -> FINGERPRINTED.matcher(p.getFileName().toString()).matches()).toList();
        assertThat(fingerprinted).isNotEmpty();
        for (Path file : fingerprinted) {
            Matcher m = FINGERPRINTED.matcher(file.getFileName().toString());
            assertThat(m.matches()).isTrue();
            assertThat(sha256(Files.readAllBytes(file)).substring(0, 8))
                    .as("%s was edited: rename it to its new hash and update the pages that load it", file)
                    .isEqualTo(m.group(1));
        }
    }

    @Test
    void everyFileThePagesNameExists() throws IOException {
        Pattern reference = Pattern.compile("(?:href|src|srcset)=\"([^\"#?:]+)\"");
        for (Path page : files().filter(p -> p.toString().endsWith(".html")).toList()) {
            Matcher m = reference.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (!target.contains(".") || target.endsWith("/")) {
                    continue; // a route, or a folder's index: StaticTypesIT follows those over HTTP
                }
                assertThat(page.getParent().resolve(target).normalize()).as("%s names %s", page, target).isRegularFile();
            }
        }
    }

    private static Stream<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(SITE)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
