package dev.groundup.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Inputs for property tests: many generated cases per property, from a fixed seed so that a
 * failure names its input and reproduces (override with {@code -Dgroundup.seed=N} to explore).
 * Biased toward what breaks routers: separators, escapes, non-ASCII, supplementary characters.
 * (Public for the contract suite's FuzzIT.)
 */
public final class Generated {
    public static final long SEED = Long.getLong("groundup.seed", 20261124L);
    static final int CASES = 1000;

    private static final int[] AWKWARD = {'/', '%', '+', '.', ' ', '?', '#', ';', '=', '&', '~', '{', '}', '\\',
            ':', '@', '"', '<', '>', 0, 0x1F, 0x7F, 0x80, 0xA0, 0xE9, 0xFF, 0x65E5, 0xFFFD, 0xFEFF, 0x1F600, 0x10FFFF};

    private Generated() {
    }

    /** {@code count} strings of {@code min..max} code points; never a lone surrogate (it has no UTF-8 form). */
    public static List<String> strings(int count, int min, int max) {
        Random random = new Random(SEED ^ (31L * min + max));
        List<String> out = new ArrayList<>(List.of("a", "é", "日本", "\uD83D\uDE00", "%", "%25", "+", "a b", "..."));
        out.removeIf(s -> s.codePointCount(0, s.length()) < min || s.codePointCount(0, s.length()) > max);
        while (out.size() < count) {
            int length = min + random.nextInt(max - min + 1);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.appendCodePoint(codePoint(random));
            }
            out.add(s.toString());
        }
        return out;
    }

    /** Strings built from {@code pieces}, joined: for raw paths and query strings. */
    static List<String> joined(int count, List<String> pieces, String separator, Function<String, String> finish) {
        Random random = new Random(SEED ^ separator.hashCode());
        List<String> out = new ArrayList<>();
        List<String> randomPieces = strings(200, 0, 6);
        for (int n = 0; n < count; n++) {
            int parts = random.nextInt(7);
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                chosen.add(random.nextInt(3) == 0
                        ? randomPieces.get(random.nextInt(randomPieces.size()))
                        : pieces.get(random.nextInt(pieces.size())));
            }
            out.add(finish.apply(String.join(separator, chosen)));
        }
        return out;
    }

    static List<Long> nonNegativeLongs(int count) {
        Random random = new Random(SEED);
        List<Long> out = new ArrayList<>(List.of(0L, 1L, 9L, 10L, 999_999_999_999L, Long.MAX_VALUE, Long.MAX_VALUE - 1));
        while (out.size() < count) {
            long value = random.nextLong() & Long.MAX_VALUE;
            out.add(random.nextBoolean() ? value : value % 100_000);
        }
        return out;
    }

    private static int codePoint(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> AWKWARD[random.nextInt(AWKWARD.length)];
            case 1 -> 0x20 + random.nextInt(0x5F); // printable ASCII
            case 2 -> 'a' + random.nextInt(26);
            case 3 -> {
                int c = random.nextInt(0x10000);
                yield Character.isSurrogate((char) c) ? 'x' : c;
            }
            default -> 0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1);
        };
    }
}
