package dev.groundup.techempower;

/**
 * The row count of {@code /queries}, {@code /updates} and {@code /cached-queries}, clamped as
 * the test types require: missing, empty, not an integer or below 1 is 1; above 500 is 500,
 * however large (also beyond {@code long}).
 */
final class Counts {
    static final int MAX = 500;

    private Counts() {
    }

    static int clamp(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        boolean negative = raw.charAt(0) == '-';
        int start = negative || raw.charAt(0) == '+' ? 1 : 0;
        if (start == raw.length()) {
            return 1;
        }
        int value = 0;
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return 1; // not an integer: "foo", "1.5"
            }
            value = Math.min(value * 10 + (c - '0'), MAX + 1); // saturates: no overflow, however many digits
        }
        return negative || value < 1 ? 1 : Math.min(value, MAX);
    }
}
