package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A minimal browser over HTTP: keeps cookies itself (Keycloak marks them Secure, which
 * java.net.CookieManager then drops over plain http), follows redirects, and stops at the portal's
 * redirect URI, which is not served in tests.
 */
public final class Browser {

    /** One loaded page (or the final redirect to the portal). */
    public record Page(int status, URI uri, String body, HttpHeaders headers) {
        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        public boolean isPortalRedirect() {
            return uri.toString().startsWith(Oidc.REDIRECT_URI);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String acceptLanguage;

    public Browser() {
        this("ja");
    }

    public Browser(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
    }

    public Page get(String url) {
        return follow(request(URI.create(url)).GET().build());
    }

    public Page post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = request(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return follow(request);
    }

    private Page follow(HttpRequest first) {
        HttpRequest request = first;
        for (int hops = 0; hops < 20; hops++) {
            HttpResponse<String> response = send(request);
            storeCookies(response.headers());
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                URI next = request.uri().resolve(response.headers().firstValue("Location").get());
                if (next.toString().startsWith(Oidc.REDIRECT_URI)) {
                    return new Page(status, next, "", response.headers());
                }
                request = request(next).GET().build();
                continue;
            }
            return new Page(status, request.uri(), response.body(), response.headers());
        }
        throw new IllegalStateException("Too many redirects from " + first.uri());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Language", acceptLanguage);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
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

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
