package dev.groundup.bodies;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body in memory, in blocks that are filled and never copied: one block of the declared
 * size when the client sent {@code Content-Length}, blocks of {@link #BLOCK} bytes as a chunked
 * body grows. (A growing array would double and copy, holding up to three times the body at a
 * moment; the budget could not count that honestly.) Read back with {@link #stream()}.
 */
final class HeldBody {
    static final int BLOCK = 16 * 1024;

    private final List<byte[]> blocks = new ArrayList<>();
    private final int declared;
    private long length;

    /** {@code declared} is the Content-Length, or -1 for a chunked body. */
    HeldBody(long declared) {
        this.declared = (int) declared;
    }

    /** Bytes a write of {@code n} more would allocate (0 when the current block has room). */
    long toAllocate(int n) {
        long capacity = allocated();
        if (length + n <= capacity) {
            return 0;
        }
        if (declared >= 0) {
            return declared; // the first write allocates the whole declared body
        }
        long missing = length + n - capacity;
        return (missing + BLOCK - 1) / BLOCK * BLOCK;
    }

    long allocated() {
        if (declared >= 0) {
            return blocks.isEmpty() ? 0 : declared;
        }
        return (long) blocks.size() * BLOCK;
    }

    void write(byte[] bytes, int off, int n) {
        while (n > 0) {
            int inBlock = (int) (declared >= 0 ? length : length % BLOCK);
            if (blocks.isEmpty() || inBlock == 0 && declared < 0 && length > 0) {
                blocks.add(new byte[declared >= 0 ? declared : BLOCK]);
            }
            byte[] block = blocks.get(blocks.size() - 1);
            int take = Math.min(n, block.length - inBlock);
            System.arraycopy(bytes, off, block, inBlock, take);
            off += take;
            n -= take;
            length += take;
        }
    }

    long length() {
        return length;
    }

    /** The body's bytes, in order, without a copy. */
    InputStream stream() {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int off, int len) {
                if (position >= length) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                byte[] block;
                int inBlock;
                if (declared >= 0) {
                    block = blocks.get(0);
                    inBlock = (int) position;
                } else {
                    block = blocks.get((int) (position / BLOCK));
                    inBlock = (int) (position % BLOCK);
                }
                int n = (int) Math.min(Math.min(len, block.length - inBlock), length - position);
                System.arraycopy(block, inBlock, into, off, n);
                position += n;
                return n;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, length - position);
            }
        };
    }
}
