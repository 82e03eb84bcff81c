package dev.groundup.techempower;

import dev.groundup.http.MediaType;
import dev.groundup.routing.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The two test types as the requirements state them: plaintext answers a constant body;
 * json instantiates a message object per request and serializes it with the JSON mapper.
 */
final class TestTypes {
    static final String HELLO = "Hello, World!";
    private static final byte[] HELLO_BYTES = HELLO.getBytes(StandardCharsets.US_ASCII);

    /** The object the json test serializes: {@code {"message":"Hello, World!"}}. */
    record Message(String message) {
    }

    void plaintext(Exchange ex) throws IOException {
        ex.bytes(200, MediaType.TEXT, HELLO_BYTES);
    }

    void json(Exchange ex) throws IOException {
        ex.json(new Message(HELLO));
    }
}
