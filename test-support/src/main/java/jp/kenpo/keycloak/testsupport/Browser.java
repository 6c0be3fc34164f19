package jp.kenpo.keycloak.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A member's browser over HTTP: keeps cookies itself (Keycloak marks them Secure, which
 * java.net.CookieManager then drops over plain http), follows redirects, and stops at the portal's
 * redirect URI, which nobody serves here. Many browsers may share one HttpClient (its connections),
 * as a fleet of members' browsers would; each keeps its own cookies.
 */
public final class Browser {

    /** One loaded page, or the final redirect to the portal ({@code isPortalRedirect}). */
    public record Page(int status, URI uri, String body, HttpHeaders headers, boolean isPortalRedirect) {
        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        /** The form with this id: where it posts, and its hidden fields. */
        public Form form(String id) {
            Element form = document().getElementById(id);
            if (form == null) {
                throw new IllegalStateException("No form " + id + " on " + uri + " (status " + status + ")");
            }
            Map<String, String> hidden = new LinkedHashMap<>();
            for (Element input : form.select("input[type=hidden]")) {
                hidden.put(input.attr("name"), input.attr("value"));
            }
            return new Form(form.absUrl("action"), hidden);
        }

        /** The authorization code the portal receives. */
        public String code() {
            String code = isPortalRedirect ? Oidc.query(uri).get("code") : null;
            if (code == null) {
                throw new IllegalStateException("No authorization code at " + uri + " (status " + status + ")");
            }
            return code;
        }
    }

    /** A form's action URL (it changes with every step of a Keycloak flow) and hidden fields. */
    public record Form(String action, Map<String, String> hidden) {
    }

    /** One request of a navigation and its answer's status and headers (a redirect is a hop of its own). */
    public record Hop(String method, URI uri, int status, HttpHeaders headers) {
    }

    private final HttpClient http;
    private final String acceptLanguage;
    private final String stopAt;
    private final Duration timeout;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private volatile List<Hop> lastHops = List.of();

    /** A Japanese-speaking member's browser for the test realm's portal. */
    public Browser() {
        this("ja");
    }

    public Browser(String acceptLanguage) {
        this(client(), acceptLanguage, Oidc.REDIRECT_URI, Duration.ofSeconds(60));
    }

    /**
     * @param stopAt redirects to URLs starting with this (the portal's redirect URI) end a navigation
     * @param timeout how long one request may take
     */
    public Browser(HttpClient http, String acceptLanguage, String stopAt, Duration timeout) {
        this.http = http;
        this.acceptLanguage = acceptLanguage;
        this.stopAt = stopAt;
        this.timeout = timeout;
    }

    /** An HttpClient as browsers use it here: HTTP/1.1, redirects left to the browser. */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public Page get(String url) {
        return follow(request(URI.create(url)).GET().build());
    }

    public Page post(String url, Map<String, String> form) {
        HttpRequest request = request(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build();
        return follow(request);
    }

    /** Submits the form with this id on {@code page}, with its hidden fields and the given ones. */
    public Page submit(Page page, String formId, Map<String, String> fields) {
        Form form = page.form(formId);
        Map<String, String> all = new LinkedHashMap<>(form.hidden());
        all.putAll(fields);
        return post(form.action(), all);
    }

    /** The value of a cookie this browser keeps, or null. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Sets (or, with null, removes) a cookie as if the server had sent it: for tests of tampered cookies. */
    public void setCookie(String name, String value) {
        if (value == null) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /** Forgets every cookie but the named ones (e.g. a closed and reopened browser that keeps a long-lived cookie). */
    public void forgetCookiesExcept(String... keep) {
        java.util.Set<String> kept = java.util.Set.of(keep);
        cookies.keySet().removeIf(name -> !kept.contains(name));
    }

    /**
     * The requests of the last navigation ({@link #get}, {@link #post}, {@link #submit}), first to last: the
     * first is the one that carried the method and form, the rest followed its redirects.
     */
    public List<Hop> lastHops() {
        return lastHops;
    }

    /**
     * Another tab of this browser: it starts with this browser's cookies and keeps its own from then on, so
     * both can send at the same moment (one browser's requests follow each other).
     */
    public Browser newTab() {
        Browser tab = new Browser(http, acceptLanguage, stopAt, timeout);
        tab.cookies.putAll(cookies);
        return tab;
    }

    /** A new member at the same browser: no cookies. */
    public void forgetCookies() {
        cookies.clear();
    }

    /** {@code application/x-www-form-urlencoded} for these fields. */
    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private Page follow(HttpRequest first) {
        HttpRequest request = first;
        List<Hop> hopList = new ArrayList<>();
        lastHops = hopList;
        for (int hops = 0; hops < 20; hops++) {
            HttpResponse<String> response = send(request);
            hopList.add(new Hop(request.method(), request.uri(), response.statusCode(), response.headers()));
            storeCookies(response.headers());
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            if (status >= 300 && status < 400 && location != null) {
                URI next = request.uri().resolve(location);
                if (next.toString().startsWith(stopAt)) {
                    return new Page(status, next, "", response.headers(), true);
                }
                request = request(next).GET().build();
                continue;
            }
            return new Page(status, request.uri(), response.body(), response.headers(), false);
        }
        throw new IllegalStateException("Too many redirects from " + first.uri());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
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
