package dev.groundup.http;

/** The one HTML escaper for text we put into pages ourselves. */
public final class Html {
    private Html() {
    }

    /** Escapes the five characters that matter in element content and quoted attributes. */
    public static String escape(String s) {
        StringBuilder out = null;
        int plain = 0; // s[plain, i) is not yet copied to out
        for (int i = 0; i < s.length(); i++) {
            String entity = entity(s.charAt(i));
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16);
                }
                out.append(s, plain, i).append(entity);
                plain = i + 1;
            }
        }
        return out == null ? s : out.append(s, plain, s.length()).toString();
    }

    /**
     * What {@link #escape} writes for {@code c}, or null if {@code c} stays as it is: for writers
     * that copy the text between two of these in one piece instead of building a new string.
     */
    public static String entity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }
}
