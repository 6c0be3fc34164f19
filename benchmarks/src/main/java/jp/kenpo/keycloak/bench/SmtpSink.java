package jp.kenpo.keycloak.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP sink on loopback that answers at once and hands each mail's plain text to whoever waits
 * for that recipient. It also times each SMTP conversation from accept to the final reply, so the
 * email-key step's own server time can be told apart from the mail round trip. Mails are decoded
 * after the conversation ends, off the server's clock.
 */
final class SmtpSink implements AutoCloseable {

    /** One mail: its plain text and how long the SMTP conversation took, seen from the sink. */
    record Mail(String text, long smtpNanos) {
        private static final Pattern KEY = Pattern.compile("(?:暗証キー：|Key:)\\s*(\\d{10})");

        String emailKey() {
            Matcher m = KEY.matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("No 暗証キー in the mail");
            }
            return m.group(1);
        }
    }

    private static final Session MAIL = Session.getInstance(new Properties());

    private final ServerSocket server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-sink");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentHashMap<String, BlockingQueue<Mail>> inboxes = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        workers.submit(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    long received() {
        return received.get();
    }

    /** The next mail to {@code address}, waiting up to 30 s. */
    Mail next(String address) throws InterruptedException {
        Mail mail = inbox(address).poll(30, TimeUnit.SECONDS);
        if (mail == null) {
            throw new IllegalStateException("No mail arrived for " + address);
        }
        return mail;
    }

    /** Forgets mails nobody will read (lookup results, notices). */
    void discard(String address) {
        inboxes.remove(address.toLowerCase(Locale.ROOT));
    }

    private BlockingQueue<Mail> inbox(String address) {
        return inboxes.computeIfAbsent(address.toLowerCase(Locale.ROOT), a -> new LinkedBlockingQueue<>());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                long accepted = System.nanoTime();
                workers.submit(() -> converse(socket, accepted));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket, long accepted) {
        String recipient = null;
        byte[] data = null;
        long finished = 0;
        try (socket) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-sink\r\n250 8BITMIME");
                } else if (upper.startsWith("RCPT TO:")) {
                    if (recipient == null) {
                        recipient = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    }
                    reply(out, "250 OK");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder body = new StringBuilder();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        body.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                    }
                    data = body.toString().getBytes(StandardCharsets.ISO_8859_1);
                    reply(out, "250 OK");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 Bye");
                    finished = System.nanoTime();
                    break;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            return;
        }
        if (recipient != null && data != null) {
            received.incrementAndGet();
            inbox(recipient).add(new Mail(text(data), (finished == 0 ? System.nanoTime() : finished) - accepted));
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String text(byte[] data) {
        try {
            StringBuilder text = new StringBuilder();
            collect(new MimeMessage(MAIL, new ByteArrayInputStream(data)), text);
            return text.toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static void collect(Part part, StringBuilder text) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(content instanceof InputStream in ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : content);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdownNow();
    }
}
