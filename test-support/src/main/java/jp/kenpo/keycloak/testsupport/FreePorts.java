package jp.kenpo.keycloak.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Loopback ports nobody listens on, for the servers the tests and the benchmark start. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port free at the moment of asking. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port for JGroups whose failure-detection port (JGroups' FD_SOCK2: the port + 100) is free too. */
    public static int forJGroups() {
        for (int i = 0; i < 50; i++) {
            int port = any();
            if (port + 100 < 65_536) {
                try (ServerSocket probe = new ServerSocket(port + 100)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IllegalStateException("No free port pair for JGroups");
    }
}
