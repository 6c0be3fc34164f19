package jp.kenpo.keycloak.memberimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.Meters;
import jp.kenpo.keycloak.common.NoStore;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.util.JsonSerialization;

/**
 * {@code /admin/realms/<realm>/kenpo-member-import} (needs the realm's manage-users role):
 * <ul>
 *   <li>{@code POST ?dryRun=true|false} with the membership CSV as the body: answers as it goes with one
 *   JSON object per line ({@code application/x-ndjson}): {@code rejected} rows (line and reason),
 *   {@code progress} counts after each batch, one {@code letter} per new insured member (its temporary
 *   password exists in clear only here), and a final {@code summary};</li>
 *   <li>{@code POST reissue} with member keys as a JSON array: new letters for insured members who
 *   have not registered yet ({@code letters} as above, and {@code refused} keys with the reason);</li>
 *   <li>{@code POST letters?format=csv|pdf} with the {@code letter} objects as a JSON array (or the
 *   reissue answer as it came): the letters
 *   for the union's mail merge (CSV) or for printing (PDF, A4, one page per member, with the login screen's URL
 *   and 2次元コード ({@code loginUrl}, default the realm's account console), a {@code mailto:} 2次元コード for
 *   空メール registration when {@code registrationAddress} is given, and the union's 問い合わせ先).</li>
 * </ul>
 */
public class MemberImportResource {

    /** Imported rows by outcome (Prometheus: kenpo_import_rows_total{outcome="created"}). */
    static final String ROWS_METRIC = "kenpo.import.rows";

    private static final Logger LOG = Logger.getLogger(MemberImportResource.class);
    private static final AdminText TEXT = AdminText.of(MemberImportResource.class);
    /**
     * The largest membership file (about 5,000,000 rows); past it 413 before more is read. The file is not
     * held in memory ({@link MembershipSpool}); what grows with it is its member keys, about 40 bytes a row.
     */
    static final int MAX_BYTES = 512 * 1024 * 1024;
    /** How often a running import renews its lock ({@link ImportLock}, 15 minutes without renewal). */
    private static final long RENEW_NANOS = 60_000_000_000L;
    /** The longest login URL printed as a 2次元コード on the letter. */
    static final int MAX_LOGIN_URL = 500;
    /** The largest letters request (about 100,000 letters as JSON); past it 413. */
    static final int MAX_LETTER_BYTES = 32 * 1024 * 1024;
    /** PDF pages are built in memory: at most this many letters per PDF (CSV has no such limit). */
    static final int MAX_PDF_LETTERS = 10_000;
    /** Letters are printed by hand-picked member; a whole membership goes through the import instead. */
    private static final int MAX_REISSUE = 10_000;
    static final MediaType NDJSON = new MediaType("application", "x-ndjson");
    /**
     * The resource type of the admin events this records (Realm settings → Events → Admin events):
     * counts only, never member keys (insurance numbers) or passwords.
     */
    static final String RESOURCE = "KENPO_MEMBER_IMPORT";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public MemberImportResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(RESOURCE).resourcePath(session.getContext().getUri());
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces("application/x-ndjson")
    public Response importMembers(@QueryParam("dryRun") boolean dryRun, @QueryParam("mode") @DefaultValue("full") String mode,
                                  @QueryParam("maxDisablePercent") @DefaultValue("5") int maxDisablePercent,
                                  @QueryParam("confirmDisable") @DefaultValue("-1") int confirmDisable,
                                  @HeaderParam("Content-Length") Long length, InputStream body) {
        auth.users().requireManage();
        MemberImport.Mode importMode = "partial".equalsIgnoreCase(mode) ? MemberImport.Mode.PARTIAL
                : "full".equalsIgnoreCase(mode) ? MemberImport.Mode.FULL : null;
        if (importMode == null || maxDisablePercent < 0 || maxDisablePercent > 100) {
            return NoStore.json(Response.Status.BAD_REQUEST, Map.of("error", "bad_parameter",
                    "message", TEXT.get("kenpo.import.badParameter")));
        }
        tooLarge(length, MAX_BYTES, "The file is larger than " + (MAX_BYTES >> 20) + " MiB");
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        ImportLock lock = ImportLock.tryTake(session.singleUseObjects(), factory, realmId);
        if (lock == null) {
            throw new WebApplicationException(Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "import_running",
                            "error_description", "Another member import of this realm is running; try again when it has finished"))
                    .build());
        }
        MemberImport importer = new MemberImport(factory, realmId, dryRun);
        String by = auth.adminAuth().getUser().getUsername();
        MembershipSpool spool = null;
        MemberKeys keys = new MemberKeys();
        int[] checked = {0, 0};
        try {
            spool = spool(body);
            // First reading: every member key (duplicates settled) before anything changes.
            try (Reader text = spool.reader()) {
                MembershipFile.Items first = new MembershipFile.Items(text, keys);
                for (MembershipFile.Item item = first.next(); item != null; item = first.next()) {
                    checked[item instanceof MembershipFile.Row ? 0 : 1]++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (importMode == MemberImport.Mode.FULL && !dryRun) {
                // A partial file sent as the whole membership would disable everyone it leaves out: above the
                // union's share, nothing changes until the request confirms the exact count (shown by a dry run).
                MemberImport.Absence absence = importer.absence(keys);
                if (absence.exceeds(maxDisablePercent) && confirmDisable != absence.absent()) {
                    LOG.warnf("Member import by %s refused: it would disable %d of %d active members", by, absence.absent(), absence.active());
                    spool.close();
                    lock.release();
                    return NoStore.json(Response.Status.CONFLICT, Map.of("error", "too_many_absent", "absent", absence.absent(),
                            "active", absence.active(), "maxDisablePercent", maxDisablePercent,
                            "message", TEXT.format("kenpo.import.tooManyAbsent", Integer.toString(absence.absent()),
                                    Integer.toString(absence.active()), Integer.toString(maxDisablePercent))));
                }
            }
        } catch (CsvReader.TooLongException e) {
            release(spool, lock);
            throw new BadRequestException(e.getMessage());
        } catch (RuntimeException e) {
            release(spool, lock);
            throw e;
        }
        MembershipSpool file = spool;
        StreamingOutput stream = out -> {
            // Each chunk has a transaction of its own; the request's must end now, or Keycloak's transaction
            // timeout (5 minutes) rolls it back under a long import and the answer breaks off at its end.
            KeycloakTransactionManager transaction = session.getTransactionManager();
            if (transaction.isActive()) {
                transaction.commit();
            }
            try (file; Reader text = file.reader()) {
                ImportSummary summary = new ImportSummary();
                LOG.infof("Member import by %s started: %d rows, %d rejected, %d bytes, dry run %s, mode %s", by, checked[0], checked[1],
                        file.bytes(), dryRun, importMode);
                long[] renewed = {System.nanoTime()};
                MemberImport.Output output = new MemberImport.Output() {
                    @Override
                    public void rejected(MembershipFile.Rejected r) {
                        write(out, Map.of("type", "rejected", "line", r.line(), "reason", r.reason()));
                    }

                    @Override
                    public void letter(MemberImport.Letter letter) {
                        write(out, letterMap(letter));
                    }

                    @Override
                    public void chunkDone(ImportSummary counts) {
                        flush(out);
                        // The lock lives 15 minutes; renewing it once a minute keeps it while the import makes progress.
                        if (System.nanoTime() - renewed[0] > RENEW_NANOS) {
                            lock.renew();
                            renewed[0] = System.nanoTime();
                        }
                    }
                };
                try {
                    importer.run(new MembershipFile.Items(text, keys), keys, importMode, summary, output,
                            progress -> {
                                write(out, withType("progress", progress.toMap(dryRun)));
                                flush(out);
                            });
                } catch (RuntimeException e) {
                    // The answer is already under way (200), so the failure is its last line: the admin sees
                    // how far the import got and keeps the letters already sent; a re-run finishes the rest.
                    LOG.errorf(e, "Member import by %s failed after %d rows", by, summary.get(ImportSummary.Count.PROCESSED));
                    recordEvent(factory, realmId, summary, dryRun, false);
                    line(out, withType("failed", summary.toMap(dryRun)));
                    return;
                }
                recordEvent(factory, realmId, summary, dryRun, true);
                line(out, withType("summary", summary.toMap(dryRun)));
                LOG.infof("Member import by %s finished: %s", by, summary.toMap(dryRun));
            } finally {
                lock.release();
            }
        };
        return Response.ok(stream, NDJSON).header("Cache-Control", "no-store").build();
    }

    /** The body into its encrypted temporary file; 413 past {@link #MAX_BYTES}, 400 when it cannot be read. */
    private static MembershipSpool spool(InputStream body) {
        try {
            return MembershipSpool.of(body, MAX_BYTES);
        } catch (MembershipSpool.TooLargeException e) {
            throw new WebApplicationException(Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                    .type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build());
        } catch (IOException e) {
            throw new BadRequestException("The file could not be read");
        }
    }

    private static void release(MembershipSpool spool, ImportLock lock) {
        try {
            if (spool != null) {
                spool.close();
            }
        } finally {
            lock.release();
        }
    }


    /**
     * The import's admin event (counts; {@code outcome} finished or failed) and its rows on the metric
     * {@value #ROWS_METRIC}, not for dry runs. The answer is streamed after the request's transaction, so the
     * event is stored in a transaction of its own.
     */
    private void recordEvent(KeycloakSessionFactory factory, String realmId, ImportSummary summary, boolean dryRun,
                             boolean finished) {
        if (dryRun) {
            return;
        }
        // Every outcome, zeros too, so that an alert on rejected rows has its series from the first import on.
        summary.counts().forEach((name, count) -> {
            if (!"processed".equals(name)) {
                Meters.count(ROWS_METRIC, "Rows of member imports (not dry runs) by what happened to the member", "outcome", name, count);
            }
        });
        KeycloakModelUtils.runJobInTransaction(factory, s -> {
            RealmModel eventRealm = s.realms().getRealm(realmId);
            s.getContext().setRealm(eventRealm);
            AdminEventBuilder event = adminEvent.clone(s).realm(eventRealm).operation(OperationType.ACTION)
                    .detail("outcome", finished ? "finished" : "failed");
            summary.counts().forEach((name, count) -> event.detail(name, count.toString()));
            event.success();
        });
    }

    @POST
    @Path("letters")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response letters(@QueryParam("format") String format, @QueryParam("loginUrl") String loginUrl,
                            @QueryParam("registrationAddress") String registrationAddress,
                            @HeaderParam("Content-Length") Long length, InputStream input) {
        auth.users().requireManage();
        LetterFrame frame = LetterFrame.of(realm, loginUrl(loginUrl), registrationAddress(registrationAddress));
        tooLarge(length, MAX_LETTER_BYTES, "The letters are larger than 32 MiB: ask for them in parts");
        JsonNode body;
        try {
            body = JsonSerialization.mapper.readTree(readLimited(input, MAX_LETTER_BYTES));
        } catch (IOException e) {
            throw new BadRequestException("Give the letters as a JSON array, or the reissue answer");
        }
        // The letter objects as an array (the import's letter lines), or the reissue answer as it came.
        JsonNode array = body != null && body.isObject() ? body.get("letters") : body;
        if (array == null || !array.isArray()) {
            throw new BadRequestException("Give the letters as a JSON array, or the reissue answer");
        }
        List<MemberImport.Letter> list = new ArrayList<>();
        for (JsonNode l : array) {
            list.add(new MemberImport.Letter(l.path("memberKey").asText(), l.path("name").asText(),
                    l.path("loginId").asText(), l.path("temporaryPassword").asText()));
        }
        if ("pdf".equalsIgnoreCase(format) && list.size() > MAX_PDF_LETTERS) {
            throw new WebApplicationException(Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                    .type(MediaType.TEXT_PLAIN_TYPE).entity("At most " + MAX_PDF_LETTERS + " letters per PDF: ask for them in parts").build());
        }
        if ("pdf".equalsIgnoreCase(format)) {
            byte[] pdf;
            try {
                pdf = LetterPdf.render(frame, list, MemberImportResourceFactory.letterFont(session));
            } catch (IllegalStateException e) {
                throw new BadRequestException(e.getMessage());
            }
            return Response.ok(pdf, "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"letters.pdf\"").header("Cache-Control", "no-store").build();
        }
        return Response.ok(LetterCsv.render(frame.unionName(), list), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"letters.csv\"").header("Cache-Control", "no-store").build();
    }

    /**
     * The login screen's URL printed on the letter and in its 2次元コード: the one given (an absolute http(s) URL, e.g.
     * the portal's login page), else this realm's account console, which opens the login screen.
     */
    private String loginUrl(String given) {
        if (given == null || given.isBlank()) {
            return session.getContext().getUri(org.keycloak.urls.UrlType.FRONTEND).getBaseUriBuilder()
                    .path("realms").path(realm.getName()).path("account").build().toString();
        }
        if (given.length() > MAX_LOGIN_URL) {
            // A 2次元コード a phone reads from paper stays small; a URL this long is a mistake.
            throw new BadRequestException("loginUrl is longer than " + MAX_LOGIN_URL + " characters");
        }
        try {
            java.net.URI uri = new java.net.URI(given.strip());
            if (uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw new BadRequestException("loginUrl must be an absolute http(s) URL");
    }

    /** The 空メール registration address for the letter's {@code mailto:} 2次元コード; null for none. */
    private static String registrationAddress(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String address = given.strip();
        if (jp.kenpo.keycloak.common.EmailAddress.problem(address).isPresent()) {
            throw new BadRequestException("registrationAddress is not an email address");
        }
        return address;
    }

    /**
     * {@code POST reissue} with a JSON array of member keys (記号-番号-枝番): new temporary passwords and
     * letters for insured members who have not registered yet; the old letters stop working.
     */
    @POST
    @Path("reissue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reissueLetters(List<String> memberKeys) {
        auth.users().requireManage();
        if (memberKeys == null || memberKeys.isEmpty() || memberKeys.size() > MAX_REISSUE) {
            throw new BadRequestException("Give 1 to " + MAX_REISSUE + " member keys");
        }
        if (memberKeys.contains(null)) {
            throw new BadRequestException("Give every member key as a string (記号-番号-枝番), not null");
        }
        LetterReissue.Result result = LetterReissue.reissue(session, realm, memberKeys);
        // Counts only: member keys are insurance numbers.
        LOG.infof("Letters reissued by %s: %d letters, %d refused", auth.adminAuth().getUser().getUsername(),
                result.letters().size(), result.refused().size());
        adminEvent.operation(OperationType.ACTION)
                .detail("reissued", Integer.toString(result.letters().size()))
                .detail("refused", Integer.toString(result.refused().size())).success();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("letters", result.letters().stream().map(MemberImportResource::letterMap).toList());
        answer.put("refused", result.refused().stream()
                .map(r -> Map.of("memberKey", r.memberKey(), "reason", r.reason())).toList());
        return NoStore.json(answer);
    }

    static Map<String, Object> letterMap(MemberImport.Letter letter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "letter");
        m.put("memberKey", letter.memberKey());
        m.put("name", letter.name());
        m.put("loginId", letter.loginId());
        m.put("temporaryPassword", letter.temporaryPassword());
        return m;
    }

    private static Map<String, Object> withType(String type, Map<String, Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.putAll(values);
        return m;
    }

    /** One line of the answer, sent at once. */
    private static void line(OutputStream out, Map<String, Object> value) throws IOException {
        out.write(JsonSerialization.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }

    /** One line of the answer, sent with the next {@link #flush}: the import's lines go out once per chunk. */
    private static void write(OutputStream out, Map<String, Object> value) {
        try {
            out.write(JsonSerialization.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 413 at once when the declared length is over the bound (nothing is read). */
    private static void tooLarge(Long declared, int max, String message) {
        if (declared != null && declared > max) {
            throw new WebApplicationException(Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                    .type(MediaType.TEXT_PLAIN_TYPE).entity(message).build());
        }
    }

    /** Reads at most {@code max} bytes; 413 as soon as the body goes past it (chunked bodies have no length). */
    static byte[] readLimited(InputStream body, int max) {
        try (InputStream in = body; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            byte[] chunk = new byte[65_536];
            int n;
            while ((n = in.read(chunk)) != -1) {
                buffer.write(chunk, 0, n);
                if (buffer.size() > max) {
                    throw new WebApplicationException(Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                            .type(MediaType.TEXT_PLAIN_TYPE).entity("The request is larger than " + (max >> 20) + " MiB").build());
                }
            }
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new BadRequestException("The file could not be read");
        }
    }
}
