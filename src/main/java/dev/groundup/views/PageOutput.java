package dev.groundup.views;

import gg.jte.TemplateOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page rendered into one growing byte array. jte's {@code Utf8ByteOutput} keeps every write as a
 * chunk (a substring and its bytes for each escaped piece) and copies them all together at the
 * end; on the todo list, a hundred rows of attributes, that was a third of the request's time.
 * Here ASCII text is copied byte for byte and only the rest goes through the UTF-8 encoder.
 */
final class PageOutput implements TemplateOutput {
    private byte[] bytes;
    private int length;

    PageOutput(int capacity) {
        bytes = new byte[capacity];
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        reserve(endIndex - beginIndex);
        byte[] out = bytes;
        int at = length;
        for (int i = beginIndex; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                length = at;
                writeBinaryContent(value.substring(i, endIndex).getBytes(StandardCharsets.UTF_8));
                return;
            }
            out[at++] = (byte) c;
        }
        length = at;
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        reserve(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        return bytes.length == length ? bytes : Arrays.copyOf(bytes, length);
    }

    private void reserve(int more) {
        if (more > bytes.length - length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
