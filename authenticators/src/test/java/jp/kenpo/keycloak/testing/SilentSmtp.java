package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that accepts connections and never says a word (not even its greeting), until it is
 * closed: a hung mail server. It tells a test how many mail attempts reached it and how many of
 * them the sender has given up on, so the test needs no clock to see what waited for the mail.
 */
public final class SilentSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger ended = new AtomicInteger();
    private final Semaphore accepted = new Semaphore(0);
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "silent-smtp");
        t.setDaemon(true);
        return t;
    });

    public SilentSmtp() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    accepted.release();
                    threads.execute(() -> holdUntilTheSenderGivesUp(client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void holdUntilTheSenderGivesUp(Socket client) {
        try (client; InputStream in = client.getInputStream()) {
            // A client waits for the greeting first, so anything it does now is closing the connection.
            while (in.read() != -1) {
                // ignore
            }
        } catch (IOException gone) {
            // closed by either side
        }
        if (!socket.isClosed()) {
            ended.incrementAndGet();
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Waits (at most a minute) until a mail attempt has connected; false if none came. */
    public boolean awaitAttempt() throws InterruptedException {
        return accepted.tryAcquire(1, TimeUnit.MINUTES);
    }

    /** Mail attempts the sender has given up on (it closed the connection) while this server was up. */
    public int abandonedAttempts() {
        return ended.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
