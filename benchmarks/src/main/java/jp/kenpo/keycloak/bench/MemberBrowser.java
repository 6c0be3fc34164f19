package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One virtual member's browser: its own cookies (Keycloak's are Secure, which java.net.CookieManager
 * drops over plain http), redirects followed until the portal's redirect URI, which nobody serves.
 * Connections come from one HttpClient shared by all virtual members, as a browser fleet would reuse them.
 */
final class MemberBrowser {

    static final String REDIRECT_URI = "http://127.0.0.1:3000/callback";

    record Page(int status, URI uri, String body) {
        boolean isPortalRedirect() {
            return uri.toString().startsWith(REDIRECT_URI);
        }

        Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        /** The action of the form with this id, and its hidden fields. */
        Map.Entry<String, Map<String, String>> form(String id) {
            Element form = document().getElementById(id);
            if (form == null) {
                throw new IllegalStateException("No form " + id + " on " + uri + " (status " + status + ")");
            }
            Map<String, String> hidden = new LinkedHashMap<>();
            for (Element input : form.select("input[type=hidden]")) {
                hidden.put(input.attr("name"), input.attr("value"));
            }
            return Map.entry(form.absUrl("action"), hidden);
        }

        String code() {
            Map<String, String> params = new HashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            if (!params.containsKey("code")) {
                throw new IllegalStateException("No code in " + uri);
            }
            return params.get("code");
        }
    }

    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    MemberBrowser(HttpClient http) {
        this.http = http;
    }

    static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    void forgetCookies() {
        cookies.clear();
    }

    Page get(String url) {
        return follow(request(URI.create(url)).GET().build());
    }

    Page post(String url, Map<String, String> form) {
        return follow(request(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** Submits the form with this id on {@code page}, with its hidden fields and the given ones. */
    Page submit(Page page, String formId, Map<String, String> fields) {
        Map.Entry<String, Map<String, String>> form = page.form(formId);
        Map<String, String> all = new LinkedHashMap<>(form.getValue());
        all.putAll(fields);
        return post(form.getKey(), all);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Page follow(HttpRequest first) {
        HttpRequest request = first;
        for (int hops = 0; hops < 10; hops++) {
            HttpResponse<String> response = send(request);
            storeCookies(response.headers());
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            if (status >= 300 && status < 400 && location != null) {
                URI next = request.uri().resolve(location);
                if (next.toString().startsWith(REDIRECT_URI)) {
                    return new Page(status, next, "");
                }
                request = request(next).GET().build();
                continue;
            }
            return new Page(status, request.uri(), response.body());
        }
        throw new IllegalStateException("Too many redirects from " + first.uri());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Accept-Language", "ja");
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void storeCookies(HttpHeaders headers) {
        for (String header : headers.allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            String lower = header.toLowerCase();
            if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
