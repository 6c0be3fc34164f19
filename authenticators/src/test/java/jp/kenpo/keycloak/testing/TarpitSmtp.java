package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An SMTP server that accepts connections and then says nothing for a while: a slow mail server. */
public final class TarpitSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tarpit-smtp");
        t.setDaemon(true);
        return t;
    });

    public TarpitSmtp(long stallMillis) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    threads.execute(() -> {
                        try (client) {
                            Thread.sleep(stallMillis);
                        } catch (IOException | InterruptedException ignored) {
                            // the test is over
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
