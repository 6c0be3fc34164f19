package jp.kenpo.keycloak.memberimport;

import java.io.Reader;
import java.io.StringReader;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.member.BirthDate;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.MemberIdentity;
import jp.kenpo.keycloak.member.MemberKey;

/**
 * The union's membership list, one row per person. Columns are found by their header (Japanese as
 * exported by union systems, or English), in any order:
 *
 * <pre>
 * 記号 | symbol          番号 | number            枝番 | branch
 * 続柄 | relationship    氏名（漢字） | 氏名 | name_kanji    氏名（カナ） | name_kana
 * 生年月日 | birth_date  従業員番号 | employee_number (insured only)   資格喪失日 | loss_date (optional)
 * </pre>
 *
 * A row that cannot be read is rejected with its line number and reason; the others still go in.
 */
public final class MembershipFile {

    private static final AdminText TEXT = AdminText.of(MembershipFile.class);

    /** One record of the file as the import takes it: a row to apply, or a row it cannot apply. */
    public sealed interface Item permits Row, Rejected {
    }

    /** One member as the union lists them, normalised. */
    public record Row(int line, String symbol, String number, String branch, String relationship, String familyKanji,
                      String givenKanji, String familyKana, String givenKana, LocalDate birthDate, String employeeNumber,
                      LocalDate lossDate) implements Item {
        public String memberKey() {
            return MemberKey.of(symbol, number, branch).orElseThrow();
        }

        public boolean insured() {
            return MemberAttributes.RELATIONSHIP_SELF.equals(relationship);
        }
    }

    /** A row that could not be read; {@code memberKey} when 記号・番号・枝番 at least could be, so the member is not taken as gone. */
    public record Rejected(int line, String reason, String memberKey) implements Item {
        public Rejected(int line, String reason) {
            this(line, reason, null);
        }
    }

    public record Parsed(List<Row> rows, List<Rejected> rejected) {
    }

    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        alias("symbol", "記号", "symbol");
        alias("number", "番号", "number");
        alias("branch", "枝番", "branch");
        alias("relationship", "続柄", "relationship");
        alias("nameKanji", "氏名(漢字)", "氏名", "name_kanji", "namekanji");
        alias("nameKana", "氏名(カナ)", "氏名(フリガナ)", "カナ氏名", "フリガナ", "name_kana", "namekana");
        alias("birthDate", "生年月日", "birth_date", "birthdate");
        alias("employeeNumber", "従業員番号", "employee_number", "employeenumber");
        alias("lossDate", "資格喪失日", "loss_date", "lossdate");
    }

    private static final List<String> REQUIRED = List.of("symbol", "number", "branch", "relationship", "nameKanji", "nameKana", "birthDate");
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})[/\\-.年](\\d{1,2})[/\\-.月](\\d{1,2})日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern ERA = Pattern.compile("(明治|大正|昭和|平成|令和|[MTSHR])(\\d{1,2}|元)[/\\-.年](\\d{1,2})[/\\-.月](\\d{1,2})日?");

    private MembershipFile() {
    }

    private static void alias(String field, String... names) {
        for (String name : names) {
            HEADERS.put(headerKey(name), field);
        }
    }

    static String headerKey(String header) {
        String nfkc = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC);
        return nfkc.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
    }

    /** The whole file at once, for a file held in memory (tests): the same items {@link Items} gives one by one. */
    public static Parsed parse(byte[] bytes) {
        List<Row> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Items items = new Items(new StringReader(CsvReader.decode(bytes)), new MemberKeys());
        for (Item item = items.next(); item != null; item = items.next()) {
            if (item instanceof Row row) {
                rows.add(row);
            } else {
                rejected.add((Rejected) item);
            }
        }
        return new Parsed(rows, rejected);
    }

    /**
     * The file's records one at a time, each a {@link Row} or a {@link Rejected} one, in constant memory besides
     * the member keys. A member's first readable row is the one applied, a later one is rejected as a
     * duplicate; the keys record which row was first, so a second reading of the same file with the same keys
     * gives the same items (the import reads the file once to check it, once to apply it).
     */
    static final class Items {

        private final CsvReader.Records records;
        private final MemberKeys keys;
        private Map<String, Integer> columns;
        private boolean ended;

        Items(Reader text, MemberKeys keys) {
            this.records = new CsvReader.Records(text);
            this.keys = keys;
        }

        /** The next item, or null at the end of the file. */
        Item next() {
            if (ended) {
                return null;
            }
            if (columns == null) {
                CsvReader.Record header = records.next();
                ended = true;
                if (header == null) {
                    return new Rejected(1, TEXT.get("kenpo.import.emptyFile"));
                }
                Map<String, Integer> found = new HashMap<>();
                for (int i = 0; i < header.fields().size(); i++) {
                    String field = HEADERS.get(headerKey(header.fields().get(i)));
                    if (field != null) {
                        found.putIfAbsent(field, i);
                    }
                }
                List<String> missing = REQUIRED.stream().filter(f -> !found.containsKey(f)).toList();
                if (!missing.isEmpty()) {
                    return new Rejected(header.line(), TEXT.format("kenpo.import.missingColumns", String.join(", ", missing)));
                }
                columns = found;
                ended = false;
            }
            CsvReader.Record record = records.next();
            if (record == null) {
                ended = true;
                return null;
            }
            try {
                Row row = row(record, columns);
                int first = keys.firstRow(row.memberKey(), row.line());
                if (first != row.line()) {
                    // The first row of a member wins; the member is not gone, so the key is kept.
                    return new Rejected(row.line(), TEXT.format("kenpo.import.duplicate", Integer.toString(first)), row.memberKey());
                }
                return row;
            } catch (IllegalArgumentException e) {
                String key = keyIfReadable(record, columns);
                if (key != null) {
                    keys.listed(key);
                }
                return new Rejected(record.line(), e.getMessage(), key);
            }
        }
    }

    private static Row row(CsvReader.Record record, Map<String, Integer> columns) {
        String symbol = MemberIdentity.code(cell(record, columns, "symbol"));
        String number = MemberIdentity.code(cell(record, columns, "number"));
        require(!symbol.isEmpty(), "kenpo.import.noSymbol");
        require(!number.isEmpty(), "kenpo.import.noNumber");
        String branch = MemberKey.branch(cell(record, columns, "branch")).orElse(null);
        require(branch != null, "kenpo.import.badBranch");
        String relationship = relationship(cell(record, columns, "relationship"));
        String[] kanji = split(Normalizer.normalize(cell(record, columns, "nameKanji"), Normalizer.Form.NFKC), "kenpo.import.kanjiNameNotSplit");
        String[] kana = split(Normalizer.normalize(cell(record, columns, "nameKana"), Normalizer.Form.NFKC), "kenpo.import.kanaNameNotSplit");
        LocalDate birth = date(cell(record, columns, "birthDate"))
                .orElseThrow(() -> new IllegalArgumentException(TEXT.get("kenpo.import.badBirthDate")));
        String employee = MemberIdentity.code(cell(record, columns, "employeeNumber"));
        String lossRaw = cell(record, columns, "lossDate");
        LocalDate loss = lossRaw.isBlank() ? null : date(lossRaw)
                .orElseThrow(() -> new IllegalArgumentException(TEXT.get("kenpo.import.badLossDate")));
        return new Row(record.line(), symbol, number, branch, relationship, kanji[0], kanji[1],
                MemberIdentity.kanaName(kana[0]), MemberIdentity.kanaName(kana[1]), birth, employee, loss);
    }

    private static String keyIfReadable(CsvReader.Record record, Map<String, Integer> columns) {
        return MemberKey.of(cell(record, columns, "symbol"), cell(record, columns, "number"), cell(record, columns, "branch"))
                .orElse(null);
    }

    private static String cell(CsvReader.Record record, Map<String, Integer> columns, String field) {
        Integer index = columns.get(field);
        return index == null || index >= record.fields().size() ? "" : record.fields().get(index).strip();
    }

    static String relationship(String raw) {
        String value = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "本人", "被保険者", "self", "0", "00" -> MemberAttributes.RELATIONSHIP_SELF;
            case "配偶者", "夫", "妻", "spouse" -> "spouse";
            case "子", "長男", "長女", "次男", "次女", "三男", "三女", "child" -> "child";
            case "" -> throw new IllegalArgumentException(TEXT.get("kenpo.import.noRelationship"));
            default -> "other";
        };
    }

    private static String[] split(String name, String reason) {
        String trimmed = name.strip();
        String[] parts = trimmed.split("\\s+", 2);
        if (trimmed.isEmpty() || parts.length < 2) {
            throw new IllegalArgumentException(TEXT.get(reason));
        }
        return new String[] {parts[0], parts[1].replaceAll("\\s", "")};
    }

    static Optional<LocalDate> date(String raw) {
        String value = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC).replaceAll("\\s", "");
        try {
            Matcher m = WESTERN.matcher(value);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            m = COMPACT.matcher(value);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            m = ERA.matcher(value);
            if (m.matches()) {
                return BirthDate.parse(m.group(1), m.group(2), m.group(3), m.group(4));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(TEXT.get(reason));
        }
    }
}
