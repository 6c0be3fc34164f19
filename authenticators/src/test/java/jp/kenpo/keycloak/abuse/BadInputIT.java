package jp.kenpo.keycloak.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The abuse suite's bad input: at least 10,000 generated hostile values (seeded, so every run sends the
 * same) over every form field of every screen of the pack, its one-time link pages and its admin
 * endpoints, plus wrong methods, content types, missing, repeated and huge parameters. No answer may be a
 * server error and the server log of the run may show no error, no stack frame of the pack and no database error.
 */
@ExtendWith(KeycloakServerExtension.class)
class BadInputIT {

    static final long SEED = 20_261_213L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPORARY = Pattern.compile("ログインID：(\\S+)\\s+仮パスワード：(\\S+)");

    private final KeycloakServer server;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger closedWithoutAnswer = new AtomicInteger();
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> platformErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextAddress = new AtomicInteger(10);
    private final AtomicInteger lookups = new AtomicInteger();

    BadInputIT(KeycloakServer server) {
        this.server = server;
    }

    /** A form of the pack: how a browser reaches it, its fields, and the values that keep it on screen. */
    private record FormJob(String name, String formId, Function<RawHttp, RawHttp.Answer> open, Map<String, String> base,
                           Map<String, String> spoil, List<String> fuzzed, int perField) {
    }

    @Test
    void tenThousandHostileInputsOverEveryScreenAndEndpointOfThePackCauseNoServerErrorAndNoErrorInTheLog() throws Exception {
        ServerLog log = ServerLog.markNow();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (FormJob form : forms()) {
            jobs.add(() -> {
                fuzzForm(form);
                return null;
            });
        }
        jobs.add(() -> {
            postalSubmissions();
            return null;
        });
        jobs.add(() -> {
            oneTimeLinkPages();
            return null;
        });
        jobs.add(() -> {
            memberImportEndpoints();
            return null;
        });
        jobs.add(() -> {
            postalRequestEndpoints();
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> done : pool.invokeAll(jobs)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("BadInputIT: %d requests, %d server errors of the pack, %d of Keycloak's request parsing, %d closed without an answer%n",
                sent.get(), serverErrors.size(), platformErrors.size(), closedWithoutAnswer.get());
        platformErrors.forEach(e -> System.out.println("  Keycloak: " + e));
        log.platformErrors().stream().distinct().forEach(e -> System.out.println("  log: " + e));
        assertTrue(sent.get() >= 10_000, "only " + sent.get() + " requests");
        assertEquals(List.of(), serverErrors, "answers of 500 or more");
        assertEquals(List.of(), log.trouble(), "errors in the server log");
    }

    // ---------------------------------------------------------------- forms

    private List<FormJob> forms() {
        String realm = server.realmUrl();
        Function<RawHttp, RawHttp.Answer> login = http -> http.get(Oidc.authorization(realm, null).url());
        Map<String, String> credentials = map("username", "abuse-nobody", "password", "Wrong2026Ab");
        List<String> loginFields = List.of("username", "password", "kenpoScreen");
        List<FormJob> forms = new ArrayList<>();
        forms.add(new FormJob("ログイン", "kc-form-login", login, credentials, Map.of(), loginFields, 45));
        forms.add(new FormJob("新規利用登録", "kc-form-login", http -> http.get(realm + "/kenpo-start/first-login"),
                credentials, Map.of(), loginFields, 45));
        forms.add(new FormJob("仮ログイン", "kc-form-login", http -> http.get(realm + "/kenpo-start/temporary-login"),
                credentials, Map.of(), loginFields, 45));
        forms.add(new FormJob("新規利用登録 by email", "kenpo-registration-email-form", http -> {
            RawHttp.Answer first = http.get(realm + "/kenpo-start/first-login");
            return http.postForm(first.formAction("kenpo-register-by-email-form"), Map.of("kenpoRegisterByEmail", "1"));
        }, map("registrationEmail", "abuse-reg@example.jp", "kenpoSendRegistrationMail", ""),
                map("registrationEmail", "abuse-reg@"), List.of("registrationEmail", "kenpoSendRegistrationMail"), 250));
        forms.add(new FormJob("利用者情報入力", "kenpo-registration-form", http -> {
            String loginId = Members.preIssuedId();
            String temporary = Members.temporaryPassword();
            server.admin().createPreIssuedMember(loginId, temporary);
            RawHttp.Answer page = login.apply(http);
            return http.postForm(page.formAction("kc-form-login"), with(page.hidden("kc-form-login"),
                    map("username", loginId, "password", temporary)));
        }, map("newLoginId", "abuse-new-id", "newPassword", "Kenpo2026Ab", "newPasswordConfirm", "Kenpo2026Ab",
                "email", "abuse-new@example.jp", "nickname", "", "register", ""),
                map("newPasswordConfirm", "Kenpo2026Xy"),
                List.of("newLoginId", "newPassword", "newPasswordConfirm", "email", "nickname", "register"), 150));
        forms.add(new FormJob("暗証キー", "kc-email-key-form", http -> {
            String loginId = Members.loginId("abkey");
            server.admin().createMember(loginId, loginId + "@example.jp", "Kenpo2026Ab");
            RawHttp.Answer page = login.apply(http);
            return http.postForm(page.formAction("kc-form-login"), with(page.hidden("kc-form-login"),
                    map("username", loginId, "password", "Kenpo2026Ab")));
        }, map("emailKey", "0000000000", "login", ""), Map.of(), List.of("emailKey", "login", "resend"), 100));
        forms.add(new FormJob("パスワード再発行", "kenpo-reissue-form", http -> {
            RawHttp.Answer page = login.apply(http);
            return http.get(page.document().getElementById("kenpo-forgot").absUrl("href"));
        }, map("reissueEmail", "abuse-nobody@example.jp", "kenpoSendReissue", ""), map("reissueEmail", "abuse-nobody@"),
                List.of("reissueEmail", "kenpoSendReissue"), 250));
        forms.add(new FormJob("パスワード変更", "kenpo-password-change-form", this::passwordChange,
                map("password-new", "Kenpo2027Cd", "password-confirm", "Kenpo2027Cd", "changePassword", ""),
                map("password-confirm", "Kenpo2027Xy"), List.of("password-new", "password-confirm", "changePassword"), 200));
        Map<String, String> entry = map("employeeNumber", "", "symbol", "9999", "number", "99999", "familyKanji", "不在",
                "givenKanji", "太郎", "familyKana", "フザイ", "givenKana", "タロウ", "birthEra", "SEIREKI", "birthYear", "1970",
                "birthMonth", "1", "birthDay", "1", "kenpoLookupNext", "");
        forms.add(new FormJob("ID・パスワードの取得", "kenpo-lookup-form", http -> http.get(realm + "/kenpo-start/lookup"),
                entry, map("birthDay", "32"), new ArrayList<>(entry.keySet()), 125));
        forms.add(new FormJob("ID・パスワードの取得 (メール)", "kenpo-lookup-email-form", http -> {
            RawHttp.Answer page = http.get(realm + "/kenpo-start/lookup");
            Map<String, String> typed = new HashMap<>(entry);
            int n = lookups.incrementAndGet();
            typed.put("symbol", Integer.toString(1000 + n % 9000));
            typed.put("number", Integer.toString(7_000_000 + n));
            return http.postForm(page.formAction("kenpo-lookup-form"), typed);
        }, map("lookupEmail", "abuse-lookup@example.jp", "kenpoLookupSend", ""), map("lookupEmail", "abuse-lookup@"),
                List.of("lookupEmail", "kenpoLookupSend"), 250));
        forms.add(new FormJob("郵送", "kenpo-postal-form", http -> http.get(realm + "/kenpo-start/postal"), postalEntry(),
                map("phone", "12"), new ArrayList<>(postalEntry().keySet()), 100));
        return forms;
    }

    private static Map<String, String> postalEntry() {
        return map("familyName", "郵送", "givenName", "太郎", "familyKana", "ユウソウ", "givenKana", "タロウ", "symbol", "1234",
                "number", "5678", "phone", "0312345678", "category", "idpassword", "message", "封書で", "postalCode", "1234567",
                "address", "東京都千代田区1-2-3", "kenpoPostalConfirm", "");
    }

    /** 仮ログイン with a reissued temporary password, which leads to パスワード変更. */
    private RawHttp.Answer passwordChange(RawHttp http) {
        String loginId = Members.loginId("abchg");
        String email = loginId + "@example.jp";
        server.admin().createMember(loginId, email, "Kenpo2026Ab");
        RawHttp.Answer page = http.get(Oidc.authorization(server.realmUrl(), null).url());
        RawHttp.Answer reissue = http.get(page.document().getElementById("kenpo-forgot").absUrl("href"));
        http.postForm(reissue.formAction("kenpo-reissue-form"), map("reissueEmail", email, "kenpoSendReissue", ""));
        Mailbox.Mail mail = server.mailbox().awaitNext(email, 0);
        Matcher m = TEMPORARY.matcher(mail.text());
        assertTrue(m.find(), mail.text());
        RawHttp.Answer temporaryLogin = http.get(mail.link());
        return http.postForm(temporaryLogin.formAction("kc-form-login"), with(temporaryLogin.hidden("kc-form-login"),
                map("username", loginId, "password", m.group(2))));
    }

    private void fuzzForm(FormJob form) {
        RawHttp http = new RawHttp(nextLocalAddress());
        Payloads payloads = new Payloads(SEED ^ form.name().hashCode());
        RawHttp.Answer page = open(form, http);
        boolean lost = false;
        for (String field : form.fuzzed()) {
            for (Payloads.Value value : payloads.values(form.perField())) {
                Map<String, String> fields = fieldsFor(form, page, field);
                fields.remove(field);
                byte[] body = append(RawHttp.encode(fields), field, value.wire());
                RawHttp.Answer answer = http.postForm(page.formAction(form.formId()), body);
                check(form.name() + " " + field + "=" + value.shown(), answer, controlPost("POST", "application/x-www-form-urlencoded", body));
                if (answer.formAction(form.formId()) != null) {
                    page = answer;
                    lost = false;
                } else if (lost) {
                    page = open(form, http);
                    lost = false;
                } else {
                    // Refused before the flow saw it (an overlong body, say): the previous page still holds.
                    lost = true;
                }
            }
        }
        // Missing and repeated parameters, a field with no '=', an empty body.
        for (String field : form.fuzzed()) {
            Map<String, String> fields = fieldsFor(form, page, field);
            fields.remove(field);
            page = protocolCase(form, http, page, "missing " + field, "POST", "application/x-www-form-urlencoded", RawHttp.encode(fields));
            Map<String, String> again = fieldsFor(form, page, field);
            byte[] repeated = append(RawHttp.encode(again), field, "second".getBytes(StandardCharsets.US_ASCII));
            page = protocolCase(form, http, page, "repeated " + field, "POST", "application/x-www-form-urlencoded", repeated);
            byte[] bare = (new String(RawHttp.encode(fieldsFor(form, page, field)), StandardCharsets.US_ASCII) + "&" + field)
                    .getBytes(StandardCharsets.US_ASCII);
            page = protocolCase(form, http, page, "bare " + field, "POST", "application/x-www-form-urlencoded", bare);
        }
        page = protocolCase(form, http, page, "empty body", "POST", "application/x-www-form-urlencoded", new byte[0]);
        // Wrong methods and content types, another charset, huge bodies.
        byte[] normal = RawHttp.encode(fieldsFor(form, page, ""));
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE")) {
            page = protocolCase(form, http, page, method, method, null, "GET HEAD TRACE".contains(method) ? null : normal);
        }
        for (String type : List.of("text/plain", "application/json", "multipart/form-data; boundary=zz", "multipart/form-data",
                "application/x-www-form-urlencoded; charset=Shift_JIS", "application/xml", "*/*", "garbage")) {
            byte[] body = type.contains("json") ? "{\"username\":[1,{\"a\":null}]}".getBytes(StandardCharsets.US_ASCII)
                    : type.contains("Shift_JIS") ? sjis(fieldsFor(form, page, ""))
                    : type.startsWith("multipart") ? "--zz\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\u0000\r\n--zz"
                            .getBytes(StandardCharsets.ISO_8859_1) : normal;
            page = protocolCase(form, http, page, "content type " + type, "POST", type, body);
        }
        page = protocolCase(form, http, page, "no content type", "POST", null, normal);
        byte[] huge = append(RawHttp.encode(fieldsFor(form, page, "")), form.fuzzed().get(0), "a".repeat(3_000_000).getBytes(StandardCharsets.US_ASCII));
        page = protocolCase(form, http, page, "3 MB field", "POST", "application/x-www-form-urlencoded", huge);
        StringBuilder many = new StringBuilder(new String(RawHttp.encode(fieldsFor(form, page, "")), StandardCharsets.US_ASCII));
        for (int i = 0; i < 20_000; i++) {
            many.append("&p").append(i).append('=').append(i);
        }
        protocolCase(form, http, page, "20,000 parameters", "POST", "application/x-www-form-urlencoded",
                many.toString().getBytes(StandardCharsets.US_ASCII));
        count(http);
        System.out.printf("BadInputIT: %s done, %d requests%n", form.name(), http.requests());
    }

    private RawHttp.Answer protocolCase(FormJob form, RawHttp http, RawHttp.Answer page, String what, String method, String type, byte[] body) {
        RawHttp.Answer answer = http.send(method, page.formAction(form.formId()), type, body, Map.of());
        check(form.name() + " " + what, answer, controlPost(method, type, body));
        if (answer.status() >= 300 && answer.status() < 400) {
            answer = http.get(java.net.URI.create(answer.url()).resolve(answer.header("Location")).toString());
            check(form.name() + " " + what + " (after redirect)", answer);
        }
        return answer.formAction(form.formId()) != null ? answer : open(form, http);
    }

    private static Map<String, String> fieldsFor(FormJob form, RawHttp.Answer page, String fuzzedField) {
        Map<String, String> fields = new LinkedHashMap<>(page.hidden(form.formId()));
        fields.putAll(form.base());
        form.spoil().forEach((name, value) -> {
            if (!name.equals(fuzzedField)) {
                fields.put(name, value);
            }
        });
        return fields;
    }

    private RawHttp.Answer open(FormJob form, RawHttp http) {
        http.forgetCookies();
        RawHttp.Answer page = form.open().apply(http);
        if (page.formAction(form.formId()) == null) {
            throw new AssertionError(form.name() + ": could not open the form (" + page.status() + " " + page.url() + "):\n"
                    + page.document().text());
        }
        return page;
    }

    /** Every stored request is a real one: a confirmed postal request with a hostile value in one field. */
    private void postalSubmissions() {
        RawHttp http = new RawHttp(nextLocalAddress());
        Payloads payloads = new Payloads(SEED + 7);
        List<String> fields = List.of("familyName", "givenName", "familyKana", "givenKana", "symbol", "number", "message", "address",
                "category");
        int stored = 0;
        for (String field : fields) {
            for (Payloads.Value value : payloads.values(24)) {
                http.forgetCookies();
                RawHttp.Answer form = http.get(server.realmUrl() + "/kenpo-start/postal");
                Map<String, String> typed = new LinkedHashMap<>(form.hidden("kenpo-postal-form"));
                typed.putAll(postalEntry());
                typed.remove(field);
                byte[] body = append(RawHttp.encode(typed), field, value.wire());
                RawHttp.Answer answer = http.postForm(form.formAction("kenpo-postal-form"), body);
                check("郵送 confirm " + field + "=" + value.shown(), answer, controlPost("POST", "application/x-www-form-urlencoded", body));
                String submit = answer.formAction("kenpo-postal-submit-form");
                if (submit != null) {
                    RawHttp.Answer thanks = http.postForm(submit, map("kenpoPostalSubmit", "1"));
                    check("郵送 submit " + field + "=" + value.shown(), thanks);
                    stored++;
                }
            }
        }
        assertTrue(stored > 20, "hostile values reached the database only " + stored + " times");
        count(http);
    }

    // ---------------------------------------------------------------- one-time link pages

    private void oneTimeLinkPages() {
        RawHttp http = new RawHttp(nextLocalAddress());
        Payloads payloads = new Payloads(SEED + 11);
        int port = java.net.URI.create(server.baseUrl()).getPort();
        for (Payloads.Value value : payloads.values(170)) {
            byte[] v = value.wire();
            getRaw(http, port, "/realms/kenpo/kenpo-lookup/credentials?key=", v, value);
            byte[] body = append(new byte[0], "key", v);
            check("POST lookup credentials key=" + value.shown(), http.send("POST", server.realmUrl() + "/kenpo-lookup/credentials",
                    "application/x-www-form-urlencoded", body, Map.of()), controlPost("POST", "application/x-www-form-urlencoded", body));
            getRaw(http, port, "/realms/kenpo/kenpo-registration/start?key=", v, value);
            getRaw(http, port, "/realms/kenpo/kenpo-reissue/temporary-login?client_id=kenpo-portal&tab_id=", v, value);
            getRaw(http, port, "/realms/kenpo/kenpo-reissue/temporary-login?client_id=", v, value);
            getRaw(http, port, "/realms/kenpo/kenpo-start/", v, value);
            getRaw(http, port, "/realms/kenpo/kenpo-start/lookup?client_id=", v, value);
            getRaw(http, port, "/realms/kenpo/kenpo-start/login?client_id=kenpo-portal&tab_id=", v, value);
            http.forgetCookies();
        }
        for (String path : List.of("/kenpo-lookup/credentials", "/kenpo-registration/start", "/kenpo-reissue/temporary-login",
                "/kenpo-start/login", "/kenpo-start/postal")) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD")) {
                boolean body = !"GET HEAD".contains(method);
                check(method + " " + path, http.send(method, server.realmUrl() + path + "?key=a&key=b&client_id=x&client_id=y",
                        body ? "text/plain" : null, body ? "key=1".getBytes(StandardCharsets.US_ASCII) : null, Map.of()));
            }
            check("POST json " + path, http.send("POST", server.realmUrl() + path, "application/json", "{\"key\":{}}".getBytes(StandardCharsets.US_ASCII), Map.of()));
            check("POST huge " + path, http.send("POST", server.realmUrl() + path, "application/x-www-form-urlencoded",
                    ("key=" + "A".repeat(4_000_000)).getBytes(StandardCharsets.US_ASCII), Map.of()));
            check("GET long query " + path, http.send("GET", server.realmUrl() + path + "?key=" + "A".repeat(7_000), null, null, Map.of()));
        }
        count(http);
    }

    private void getRaw(RawHttp http, int port, String prefix, byte[] value, Payloads.Value shown) {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        target.writeBytes(prefix.getBytes(StandardCharsets.US_ASCII));
        target.writeBytes(value);
        check("GET " + prefix + shown.shown(), http.sendRaw("GET", port, target.toByteArray(), null, null, Map.of(), server.baseUrl() + prefix),
                controlGet(prefix, value));
    }

    // ---------------------------------------------------------------- admin endpoints

    private void memberImportEndpoints() throws Exception {
        RawHttp http = new RawHttp(nextLocalAddress());
        Payloads payloads = new Payloads(SEED + 13);
        String importUrl = server.baseUrl() + "/admin/realms/kenpo/kenpo-member-import";
        Map<String, String> auth = Map.of("Authorization", "Bearer " + server.admin().token());
        String header = "記号,番号,枝番,続柄,氏名（漢字）,氏名（カナ）,生年月日,従業員番号,資格喪失日\n";
        List<String> row = List.of("9" + "876", "54321", "00", "本人", "試験 太郎", "シケン タロウ", "1970/4/1", "E1", "");
        List<Payloads.Value> values = payloads.values(400);
        for (int index = 0; index < values.size(); index++) {
            Payloads.Value value = values.get(index);
            // A dry run only: the file would otherwise be taken as the whole membership.
            int column = index % row.size();
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            csv.writeBytes(header.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < row.size(); i++) {
                csv.writeBytes(i == column ? value.plain() : row.get(i).getBytes(StandardCharsets.UTF_8));
                csv.write(i == row.size() - 1 ? '\n' : ',');
            }
            RawHttp.Answer answer = http.send("POST", importUrl + "?dryRun=true", "text/csv", csv.toByteArray(), auth);
            check("import column " + column + "=" + value.shown(), answer);
            if (answer.text().contains("\"failed\"")) {
                serverErrors.add("import column " + column + "=" + value.shown() + ": " + answer.text());
            }
            RawHttp.Answer raw = http.send("POST", importUrl + "?dryRun=true", "text/csv", value.plain(), auth);
            check("import body " + value.shown(), raw);
        }
        for (String charsetCsv : List.of("Shift_JIS", "UTF-16", "UTF-16LE", "EUC-JP")) {
            Charset charset = Charset.forName(charsetCsv);
            check("import in " + charsetCsv, http.send("POST", importUrl + "?dryRun=true", "text/csv",
                    (header + String.join(",", row) + "\n").getBytes(charset), auth));
        }
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            check(method + " import", http.send(method, importUrl, "text/csv", method.equals("GET") ? null : new byte[] {'x'}, auth));
        }
        for (String type : List.of("application/json", "multipart/form-data", "application/xml", "garbage")) {
            check("import as " + type, http.send("POST", importUrl, type, header.getBytes(StandardCharsets.UTF_8), auth),
                    controlAdmin(type, header.getBytes(StandardCharsets.UTF_8), auth));
        }
        check("import without a token", http.send("POST", importUrl, "text/csv", header.getBytes(StandardCharsets.UTF_8), Map.of()));
        check("import with a bad token", http.send("POST", importUrl, "text/csv", header.getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + "x.y.z")));
        check("import of 20 MB of one line", http.send("POST", importUrl + "?dryRun=true", "text/csv",
                ("記号" + ",".repeat(10_000_000)).getBytes(StandardCharsets.UTF_8), auth));
        check("import with 5,000 columns", http.send("POST", importUrl + "?dryRun=true", "text/csv",
                (header.trim() + ",x".repeat(5_000) + "\n" + String.join(",", row) + "\n").getBytes(StandardCharsets.UTF_8), auth));

        String letters = importUrl + "/letters";
        String reissue = importUrl + "/reissue";
        for (Payloads.Value value : payloads.values(300)) {
            String text = value.text();
            Map<String, String> letter = map("memberKey", "1234-5678-00", "name", "試験 太郎", "loginId", "ABCDEF01", "temporaryPassword", "Abcdef1234");
            String key = new ArrayList<>(letter.keySet()).get(Math.floorMod(text.hashCode(), 4));
            letter.put(key, text.length() > 5_000 ? text.substring(0, 5_000) : text);
            byte[] body = JSON.writeValueAsBytes(List.of(letter));
            String format = List.of("csv", "pdf", "CSV", "xls", "").get(Math.floorMod(text.hashCode() >> 3, 5));
            check("letters " + format + " " + key + "=" + value.shown(), http.send("POST", letters + "?format=" + format, "application/json", body, auth));
            check("reissue " + value.shown(), http.send("POST", reissue, "application/json",
                    JSON.writeValueAsBytes(List.of(text.length() > 1_000 ? text.substring(0, 1_000) : text)), auth));
            check("letters raw body " + value.shown(), http.send("POST", letters, "application/json", value.plain(), auth));
            check("reissue raw body " + value.shown(), http.send("POST", reissue, "application/json", value.plain(), auth));
        }
        List<String> oddJson = List.of("", "null", "[]", "[null]", "{}", "{\"letters\":null}", "{\"letters\":{}}", "[1,2,3]", "[[]]",
                "[{\"memberKey\":null}]", "[{\"memberKey\":{}}]", "\"x\"", "[\"1234-5678-00\",null]", "{\"a\":", "[" .repeat(5_000),
                "[{}]", "[true]", "{\"letters\":[null]}", "1e999999", "[\"" + "9".repeat(100_000) + "\"]");
        for (String body : oddJson) {
            for (String url : List.of(letters + "?format=pdf", letters + "?format=csv", reissue)) {
                check("odd JSON to " + url + ": " + (body.length() > 40 ? body.substring(0, 40) : body),
                        http.send("POST", url, "application/json", body.getBytes(StandardCharsets.UTF_8), auth));
            }
        }
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            many.add("0000-" + i + "-00");
        }
        check("reissue of 10,001 keys", http.send("POST", reissue, "application/json", JSON.writeValueAsBytes(many), auth));
        for (String url : List.of(letters, reissue)) {
            for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
                check(method + " " + url, http.send(method, url, "application/json", method.equals("GET") ? null : "[]".getBytes(StandardCharsets.US_ASCII), auth));
            }
            for (String type : List.of("text/plain", "text/csv", "application/xml", "application/x-www-form-urlencoded")) {
                check(type + " to " + url, http.send("POST", url, type, "[]".getBytes(StandardCharsets.US_ASCII), auth),
                        controlAdmin(type, "[]".getBytes(StandardCharsets.US_ASCII), auth));
            }
            check("no token " + url, http.send("POST", url, "application/json", "[]".getBytes(StandardCharsets.US_ASCII), Map.of()));
        }
        count(http);
    }

    private void postalRequestEndpoints() {
        RawHttp http = new RawHttp(nextLocalAddress());
        Payloads payloads = new Payloads(SEED + 17);
        int port = java.net.URI.create(server.baseUrl()).getPort();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + server.admin().token());
        String base = "/admin/realms/kenpo/kenpo-postal-requests";
        for (Payloads.Value value : payloads.values(300)) {
            ByteArrayOutputStream list = new ByteArrayOutputStream();
            list.writeBytes((base + "?status=").getBytes(StandardCharsets.US_ASCII));
            list.writeBytes(value.wire());
            check("postal list status=" + value.shown(), http.sendRaw("GET", port, list.toByteArray(), null, null, auth, server.baseUrl() + base));
            ByteArrayOutputStream close = new ByteArrayOutputStream();
            close.writeBytes((base + "/").getBytes(StandardCharsets.US_ASCII));
            close.writeBytes(value.wire());
            close.writeBytes("/close".getBytes(StandardCharsets.US_ASCII));
            check("postal close id=" + value.shown(), http.sendRaw("POST", port, close.toByteArray(), null, null, auth, server.baseUrl() + base));
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            check(method + " postal list", http.send(method, server.baseUrl() + base, "application/json", "{}".getBytes(StandardCharsets.US_ASCII), auth));
        }
        for (String method : List.of("GET", "PUT", "DELETE")) {
            check(method + " postal close", http.send(method, server.baseUrl() + base + "/1/close", null, null, auth));
        }
        check("postal list twice", http.send("GET", server.baseUrl() + base + "?status=open&status=closed", null, null, auth));
        check("postal close without a token", http.send("POST", server.baseUrl() + base + "/1/close", null, null, Map.of()));
        count(http);
    }

    // ---------------------------------------------------------------- helpers

    private void check(String what, RawHttp.Answer answer) {
        check(what, answer, null);
    }

    /**
     * Records a server error, unless {@code control} (the same bytes sent to an endpoint of Keycloak's own that
     * the pack has no part in) fails the same way: then it is Keycloak's request parsing, counted apart.
     */
    private void check(String what, RawHttp.Answer answer, java.util.function.Supplier<RawHttp.Answer> control) {
        if (answer.status() >= 500 && control != null && control.get().status() >= 500) {
            platformErrors.add(answer.status() + " for " + what);
        } else if (answer.status() >= 500) {
            String body = answer.text();
            serverErrors.add(answer.status() + " for " + what + ": " + (body.length() > 300 ? body.substring(0, 300) : body));
        } else if (answer.status() < 0) {
            closedWithoutAnswer.incrementAndGet();
        }
    }

    /** The same form body posted to Keycloak's token endpoint. */
    private java.util.function.Supplier<RawHttp.Answer> controlPost(String method, String type, byte[] body) {
        return () -> new RawHttp("127.0.0.9").send(method, server.realmUrl() + "/protocol/openid-connect/token", type, body, Map.of());
    }

    /** The same body and content type posted to Keycloak's own user endpoint. */
    private java.util.function.Supplier<RawHttp.Answer> controlAdmin(String type, byte[] body, Map<String, String> auth) {
        return () -> new RawHttp("127.0.0.9").send("POST", server.baseUrl() + "/admin/realms/kenpo/users", type, body, auth);
    }

    /** The same query string or path segment sent to Keycloak's authorization endpoint. */
    private java.util.function.Supplier<RawHttp.Answer> controlGet(String prefix, byte[] value) {
        return () -> {
            ByteArrayOutputStream target = new ByteArrayOutputStream();
            int q = prefix.indexOf('?');
            target.writeBytes((q >= 0 ? "/realms/kenpo/protocol/openid-connect/auth" + prefix.substring(q) : "/realms/kenpo/protocol/")
                    .getBytes(StandardCharsets.US_ASCII));
            target.writeBytes(value);
            return new RawHttp("127.0.0.9").sendRaw("GET", java.net.URI.create(server.baseUrl()).getPort(), target.toByteArray(),
                    null, null, Map.of(), server.baseUrl());
        };
    }

    private void count(RawHttp http) {
        sent.addAndGet(http.requests());
    }

    /** Each job comes from its own loopback address: its per-IP throttles count apart from the other tests'. */
    private String nextLocalAddress() {
        return "127.0.0." + nextAddress.getAndIncrement();
    }

    private static byte[] append(byte[] encoded, String name, byte[] wireValue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(encoded);
        if (encoded.length > 0) {
            out.write('&');
        }
        out.writeBytes(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII));
        out.write('=');
        out.writeBytes(wireValue);
        return out.toByteArray();
    }

    private static byte[] sjis(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return s.append("&familyName=漢字テスト").toString().getBytes(Charset.forName("Shift_JIS"));
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
