package jp.kenpo.keycloak.abuse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jp.kenpo.keycloak.testsupport.Oidc;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser over a bare socket: sends exactly the bytes it is given (invalid UTF-8, bad percent-encoding,
 * any method and content type), keeps cookies, follows redirects on request, and connects from a loopback
 * address of its own choice (127.0.0.x), so the pack's per-IP throttles count these requests apart from
 * the other tests' (which come from 127.0.0.1).
 */
final class RawHttp {

    /** One answer; status -1 when the server closed the connection without one. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, String url) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Document document() {
            return Jsoup.parse(text(), url);
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The action URL of the form with this id, or null when the page has no such form. */
        String formAction(String formId) {
            Element form = document().getElementById(formId);
            return form == null ? null : form.absUrl("action");
        }

        /** The hidden fields of the form with this id (empty when there is none). */
        Map<String, String> hidden(String formId) {
            Map<String, String> hidden = new LinkedHashMap<>();
            Element form = document().getElementById(formId);
            if (form != null) {
                for (Element input : form.select("input[type=hidden]")) {
                    hidden.put(input.attr("name"), input.attr("value"));
                }
            }
            return hidden;
        }
    }

    private final InetAddress local;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private int requests;

    RawHttp(String localAddress) {
        try {
            this.local = InetAddress.getByName(localAddress);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many requests this browser sent. */
    int requests() {
        return requests;
    }

    /** Another browser window with this one's cookies (the same member, another tab or request at once). */
    RawHttp sameCookies() {
        RawHttp copy = new RawHttp(local.getHostAddress());
        copy.cookies.putAll(cookies);
        return copy;
    }

    void forgetCookies() {
        cookies.clear();
    }

    /** GET, following redirects up to the portal. */
    Answer get(String url) {
        return follow(send("GET", url, null, null, Map.of()));
    }

    /** POST {@code application/x-www-form-urlencoded} (the body as given, byte for byte), following redirects. */
    Answer postForm(String url, byte[] body) {
        return follow(send("POST", url, "application/x-www-form-urlencoded", body, Map.of()));
    }

    /** POST these fields, properly encoded, following redirects. */
    Answer postForm(String url, Map<String, String> fields) {
        return postForm(url, encode(fields));
    }

    static byte[] encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
    }

    private Answer follow(Answer answer) {
        for (int hops = 0; hops < 10 && answer.status() >= 300 && answer.status() < 400 && answer.header("Location") != null; hops++) {
            String next = URI.create(answer.url()).resolve(answer.header("Location")).toString();
            if (next.startsWith(Oidc.REDIRECT_URI)) {
                return new Answer(answer.status(), answer.headers(), new byte[0], next);
            }
            answer = send("GET", next, null, null, Map.of());
        }
        return answer;
    }

    /** One request to {@code url} (an ASCII URL whose path and query are sent as they are). */
    Answer send(String method, String url, String contentType, byte[] body, Map<String, String> headers) {
        URI uri = URI.create(url);
        String target = url.substring(url.indexOf('/', url.indexOf("//") + 2));
        return sendRaw(method, uri.getPort(), target.getBytes(StandardCharsets.ISO_8859_1), contentType, body, headers, url);
    }

    /**
     * One request whose request target is these raw bytes (they may be anything: invalid UTF-8, bad
     * escapes); {@code url} is only what the answer reports as its address.
     */
    Answer sendRaw(String method, int port, byte[] target, String contentType, byte[] body, Map<String, String> headers, String url) {
        requests++;
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, method + " ");
        request.writeBytes(target);
        write(request, " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\nAccept-Language: ja\r\n");
        if (!cookies.isEmpty()) {
            write(request, "Cookie: " + cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")) + "\r\n");
        }
        if (contentType != null) {
            write(request, "Content-Type: " + contentType + "\r\n");
        }
        headers.forEach((name, value) -> write(request, name + ": " + value + "\r\n"));
        if (body != null) {
            write(request, "Content-Length: " + body.length + "\r\n");
        }
        write(request, "\r\n");
        if (body != null) {
            request.writeBytes(body);
        }
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 400) and close before it has read a huge body.
            }
            byte[] raw = readAll(socket.getInputStream());
            return parse(raw, url);
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException(method + " " + url + ": no answer in 120 s", e);
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], url);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // reset after the answer: keep what arrived
        }
        return all.toByteArray();
    }

    private Answer parse(byte[] raw, String url) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            return new Answer(-1, Map.of(), raw, url);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
            body = dechunk(body);
        }
        for (String header : headers.getOrDefault("set-cookie", List.of())) {
            storeCookie(header);
        }
        return new Answer(status, headers, body, url);
    }

    private void storeCookie(String header) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        String lower = header.toLowerCase(Locale.ROOT);
        if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < body.length) {
            int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.US_ASCII), pos);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(size, body.length - start));
            pos = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
