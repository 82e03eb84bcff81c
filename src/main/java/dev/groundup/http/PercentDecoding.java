package dev.groundup.http;

import dev.groundup.errors.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 percent-decoding (RFC 3986 §2.1): a malformed escape or bytes that are not UTF-8
 * are the client's mistake, a 400, never a replacement character or an exception we did not mean.
 */
public final class PercentDecoding {
    private PercentDecoding() {
    }

    private static final String ADDRESS = "The address";

    /** A path segment: {@code +} is a plus sign. */
    public static String segment(String raw) {
        return decode(raw, false, ADDRESS);
    }

    /**
     * A name or value of a query string or form (application/x-www-form-urlencoded): {@code +} is
     * a space; {@code subject} says in the 400 what was not valid ("The address", "The form").
     */
    public static String formComponent(String raw, String subject) {
        return decode(raw, true, subject);
    }

    private static String decode(String raw, boolean plusIsSpace, String subject) {
        int first = firstToDecode(raw, plusIsSpace);
        if (first < 0) {
            return raw; // the common case: nothing to decode, nothing allocated
        }
        byte[] bytes = new byte[raw.length() * 3]; // a non-ASCII char is at most 3 UTF-8 bytes per UTF-16 unit
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw malformed(subject);
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed(subject);
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes[n++] = ' ';
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                // Containers hand over the raw request line as ISO-8859-1 or already-decoded text;
                // either way, re-encode what we were given as UTF-8.
                int codePoint = raw.codePointAt(i);
                if (Character.isSurrogate(c) && !Character.isSupplementaryCodePoint(codePoint)) {
                    throw notUtf8(subject); // a lone surrogate has no UTF-8 form
                }
                byte[] utf8 = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(subject);
        }
    }

    private static int firstToDecode(String raw, boolean plusIsSpace) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+') || c >= 0x80) {
                return i;
            }
        }
        return -1;
    }

    private static Problem notUtf8(String subject) {
        return Problem.badRequest(subject + " is not valid: its percent-encoded bytes are not UTF-8.");
    }

    private static Problem malformed(String subject) {
        return Problem.badRequest(subject + " is not valid: bad percent-encoding, a '%' must be followed by two hexadecimal digits.");
    }
}
