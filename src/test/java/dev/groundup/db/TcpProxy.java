package dev.groundup.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a database, for tests of what the application does when the database
 * freezes (bytes stop flowing both ways, as under SIGSTOP: connections are still accepted) or goes
 * down (every connection is cut and new ones are closed at once), and when it comes back.
 */
public final class TcpProxy implements AutoCloseable {
    private enum State { OPEN, FROZEN, DOWN }

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private State state = State.OPEN; // guarded by this

    public TcpProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("proxy-accept", this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public synchronized void freeze() {
        state = State.FROZEN;
    }

    /** Cuts every connection; new ones are closed as soon as they are accepted. */
    public synchronized void down() {
        state = State.DOWN;
        sockets.forEach(TcpProxy::closeQuietly);
        notifyAll();
    }

    /** Bytes flow again: held ones first. */
    public synchronized void open() {
        state = State.OPEN;
        notifyAll();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        down();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                daemon("proxy-connect", () -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        try {
            if (!awaitFlowing()) {
                closeQuietly(client);
                return;
            }
            Socket upstream = new Socket();
            sockets.add(upstream);
            upstream.connect(target, 5_000);
            daemon("proxy-up", () -> pump(client, upstream));
            daemon("proxy-down", () -> pump(upstream, client));
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (!awaitFlowing()) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    /** Waits while frozen; false once down. */
    private synchronized boolean awaitFlowing() throws InterruptedException {
        while (state == State.FROZEN) {
            wait();
        }
        return state == State.OPEN;
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
