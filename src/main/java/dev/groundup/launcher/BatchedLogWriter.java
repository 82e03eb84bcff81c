package dev.groundup.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access-log lines written in batches by one background thread: a request only copies its line
 * into a buffer; the thread writes whatever has gathered with one write (one system call). A
 * write and a flush per line (with Logback's console appender, or Jetty's file writer) were about
 * two thirds of the access log's cost per request (see docs/operations.md#access-log).
 *
 * <p>Lines keep the order in which they were logged. A line is written at most {@link #LINGER}
 * after it was logged (at once, without waiting, when {@link #HIGH_WATER} bytes have gathered).
 * Should the output fall behind by {@link #LIMIT} bytes, requests logging more lines wait for it
 * (as a synchronous write would have) rather than lose lines. A write that fails loses its batch;
 * that is reported on the application log with a count, never silently. Stopping writes out every
 * line first; a line logged after the stop is written at once, by the request that logs it.
 */
final class BatchedLogWriter extends AbstractLifeCycle implements RequestLog.Writer {
    /** How long lines may gather after the first of a batch: the most a line waits to be written. */
    static final Duration LINGER = Duration.ofMillis(20);
    /** A batch this large is written without waiting out the linger. */
    static final int HIGH_WATER = 64 * 1024;
    /** Bytes not yet written beyond which a request logging a line waits for the writer. */
    static final int LIMIT = 1024 * 1024;
    /** How long a stop waits for an output that does not take the last lines (a stalled pipe). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final byte[] NEWLINE = System.lineSeparator().getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = LoggerFactory.getLogger(BatchedLogWriter.class);

    /** Opens the output: at start, and for each line logged after the stop. */
    interface Output {
        OutputStream open() throws IOException;
    }

    private final String name;
    private final Output output;
    private final ReentrantLock lock = new ReentrantLock();
    /** The writer waits on it: for a first line, then for the linger or the high water. */
    private final Condition work = lock.newCondition();
    /** Requests wait on it while LIMIT bytes are waiting to be written. */
    private final Condition room = lock.newCondition();

    // All guarded by lock.
    private byte[] pending = new byte[16 * 1024];
    private int size;
    private byte[] spare = new byte[16 * 1024];
    private boolean writerWaiting;
    private boolean closing;
    private Thread writer;
    private OutputStream out;
    private boolean warnedFull;
    /** Held while writing: by the writer thread, or by a request after the stop. */
    private final Object writeLock = new Object();
    private final AtomicLong lost = new AtomicLong();
    // Guarded by writeLock.
    private long lostSinceFailing;
    private boolean failing;

    /** @param name what the output is, for the application log: "stdout" or the file's name */
    BatchedLogWriter(String name, Output output) {
        this.name = name;
        this.output = output;
    }

    /**
     * {@code stdout} as a stream that reports a failed write (a PrintStream only records it), and
     * whose close only flushes. Written through the PrintStream, so lines never interleave with
     * what others print on it (the launcher's UP and DOWN lines).
     */
    static OutputStream stdout(PrintStream stdout) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                stdout.write(b, off, len); // autoflush: one write(2) per call
                if (stdout.checkError()) {
                    throw new IOException("stdout is closed or failing");
                }
            }

            @Override
            public void close() {
                stdout.flush();
            }
        };
    }

    @Override
    public void write(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length + NEWLINE.length;
        lock.lock();
        try {
            if (writer == null) {
                writeNow(bytes); // not started, or stopped: no thread to hand it to
                return;
            }
            while (size > 0 && size + length > LIMIT && writer != null) {
                if (!warnedFull) {
                    warnedFull = true;
                    LOG.warn("the access log's output ({}) does not keep up: requests wait for it rather than lose lines", name);
                }
                wakeWriter();
                room.awaitUninterruptibly();
            }
            if (writer == null) {
                writeNow(bytes); // the writer ended while this waited
                return;
            }
            if (size + length > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, size + length));
            }
            System.arraycopy(bytes, 0, pending, size, bytes.length);
            System.arraycopy(NEWLINE, 0, pending, size + bytes.length, NEWLINE.length);
            boolean first = size == 0;
            size += length;
            // The writer is woken by the first line of a batch and by the high water, not by every line.
            if (first || size >= HIGH_WATER) {
                wakeWriter();
            }
        } finally {
            lock.unlock();
        }
    }

    private void wakeWriter() {
        if (writerWaiting) {
            writerWaiting = false;
            work.signal();
        }
    }

    /** The writer thread: waits for a first line, lets more gather for LINGER, writes them all; again. */
    private void writeBatches(OutputStream to) {
        try {
            while (true) {
                byte[] batch;
                int length;
                lock.lock();
                try {
                    while (size == 0 && !closing) {
                        writerWaiting = true;
                        work.awaitUninterruptibly();
                    }
                    if (size == 0) {
                        return; // stopping, and everything is written
                    }
                    long nanos = LINGER.toNanos();
                    while (size < HIGH_WATER && !closing && nanos > 0) {
                        writerWaiting = true;
                        nanos = awaitNanos(nanos);
                    }
                    writerWaiting = false;
                    batch = pending;
                    length = size;
                    pending = spare; // the batch written last time: free again
                    spare = batch;
                    size = 0;
                    room.signalAll();
                } finally {
                    lock.unlock();
                }
                writeOut(to, batch, length);
            }
        } catch (Throwable e) {
            LOG.error("the access log's writer failed; lines are now written by the requests themselves", e);
        } finally {
            lock.lock();
            try {
                // Lines still pending (only after a failure) go out now, before any later line.
                if (size > 0) {
                    writeOut(to, pending, size);
                    size = 0;
                }
                writer = null;
                room.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private long awaitNanos(long nanos) {
        try {
            return work.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the access log's writer was interrupted", e);
        }
    }

    /** A line with no writer thread to take it (after the stop): opened, written and closed here. */
    private void writeNow(byte[] line) {
        byte[] bytes = Arrays.copyOf(line, line.length + NEWLINE.length);
        System.arraycopy(NEWLINE, 0, bytes, line.length, NEWLINE.length);
        try (OutputStream now = output.open()) {
            writeOut(now, bytes, bytes.length);
        } catch (IOException e) {
            writeOut(null, bytes, bytes.length); // counted as lost, and said
        }
    }

    /** Writes {@code length} bytes; a failure loses them, which is counted and reported. */
    private void writeOut(OutputStream to, byte[] bytes, int length) {
        synchronized (writeLock) {
            try {
                if (to == null) {
                    throw new IOException("not open");
                }
                to.write(bytes, 0, length);
                to.flush();
                if (failing) {
                    failing = false;
                    LOG.warn("the access log writes to {} again; {} lines were lost", name, lostSinceFailing);
                }
            } catch (IOException e) {
                long lines = countLines(bytes, length);
                lost.addAndGet(lines);
                lostSinceFailing = failing ? lostSinceFailing + lines : lines;
                if (!failing) {
                    failing = true;
                    LOG.warn("the access log cannot write to {} ({}): its lines are lost until it can", name, e.getMessage());
                }
            }
        }
    }

    private static long countLines(byte[] bytes, int length) {
        long lines = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    @Override
    protected void doStart() throws Exception {
        lock.lock();
        try {
            OutputStream opened = output.open();
            out = opened;
            closing = false;
            writer = new Thread(() -> writeBatches(opened), "access-log");
            writer.setDaemon(true); // never what keeps a JVM alive; a stop writes everything out first
            writer.start();
        } finally {
            lock.unlock();
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        Thread stopping;
        lock.lock();
        try {
            closing = true;
            stopping = writer;
            wakeWriter();
        } finally {
            lock.unlock();
        }
        if (stopping != null) {
            stopping.join(STOP_WAIT.toMillis());
        }
        lock.lock();
        try {
            if (writer != null) {
                long lines = countLines(pending, size);
                lost.addAndGet(lines);
                LOG.warn("the access log's output ({}) took nothing for {} s; its last {} lines are lost", name,
                        STOP_WAIT.toSeconds(), lines);
                writer = null;
                size = 0;
                room.signalAll();
            }
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    LOG.warn("closing the access log ({}): {}", name, e.getMessage());
                }
                out = null;
            }
        } finally {
            lock.unlock();
        }
        if (lost.get() > 0) {
            LOG.warn("the access log lost {} lines in all: {} could not take them", lost.get(), name);
        }
        super.doStop();
    }

}
