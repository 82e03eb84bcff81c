package dev.groundup.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded}, as query strings and form bodies carry it: strict
 * UTF-8 percent-decoding, {@code +} is a space, a malformed escape is the client's 400.
 */
public final class FormUrlEncoded {
    private FormUrlEncoded() {
    }

    /**
     * Every name's values, in order; {@code subject} names what is parsed in the 400's sentence
     * ("The address", "The form").
     */
    public static Map<String, List<String>> parse(String raw, String subject) {
        Map<String, List<String>> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentDecoding.formComponent(eq < 0 ? pair : pair.substring(0, eq), subject);
            String value = eq < 0 ? "" : PercentDecoding.formComponent(pair.substring(eq + 1), subject);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }
}
