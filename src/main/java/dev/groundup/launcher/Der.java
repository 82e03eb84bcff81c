package dev.groundup.launcher;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** The little of DER that wrapping a PKCS#1 or SEC1 key into PKCS#8 takes: definite lengths, one level at a time. */
final class Der {
    private Der() {
    }

    /** Bytes that are not the DER the caller expected. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** tag, length, content. */
    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Reads the elements of one constructed value in turn. */
    static final class Reader {
        /** One element: its tag, and its content with or without the tag and length. */
        record Element(int tag, byte[] content, byte[] encoded) {
        }

        private final byte[] der;
        private int position;
        private final int end;

        Reader(byte[] der) {
            this(der, 0, der.length);
        }

        private Reader(byte[] der, int start, int end) {
            this.der = der;
            this.position = start;
            this.end = end;
        }

        boolean hasMore() {
            return position < end;
        }

        Element element() throws Malformed {
            if (position + 2 > end) {
                throw new Malformed("ends early");
            }
            int start = position;
            int tag = der[position++] & 0xff;
            int length = der[position++] & 0xff;
            if (length >= 0x80) {
                int bytes = length & 0x7f;
                if (bytes == 0 || bytes > 3 || position + bytes > end) {
                    throw new Malformed("bad length");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[position++] & 0xff);
                }
            }
            if (position + length > end) {
                throw new Malformed("ends early");
            }
            byte[] content = Arrays.copyOfRange(der, position, position + length);
            position += length;
            return new Element(tag, content, Arrays.copyOfRange(der, start, position));
        }

        /** The next element, which must have {@code tag}. */
        Element next(int tag) throws Malformed {
            Element element = element();
            if (element.tag() != tag) {
                throw new Malformed(String.format("expected tag 0x%02x, found 0x%02x", tag, element.tag()));
            }
            return element;
        }

        /** A reader of the next element's content, which must have {@code tag} (a SEQUENCE is 0x30). */
        Reader enter(int tag) throws Malformed {
            byte[] content = next(tag).content();
            return new Reader(content);
        }
    }
}
