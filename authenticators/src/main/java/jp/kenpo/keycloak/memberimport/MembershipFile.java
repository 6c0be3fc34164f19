package jp.kenpo.keycloak.memberimport;

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

    /** One member as the union lists them, normalised. */
    public record Row(int line, String symbol, String number, String branch, String relationship, String familyKanji,
                      String givenKanji, String familyKana, String givenKana, LocalDate birthDate, String employeeNumber,
                      LocalDate lossDate) {
        public String memberKey() {
            return MemberKey.of(symbol, number, branch).orElseThrow();
        }

        public boolean insured() {
            return MemberAttributes.RELATIONSHIP_SELF.equals(relationship);
        }
    }

    /** A row that could not be read; {@code memberKey} when 記号・番号・枝番 at least could be, so the member is not taken as gone. */
    public record Rejected(int line, String reason, String memberKey) {
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

    public static Parsed parse(byte[] bytes) {
        List<CsvReader.Record> records = CsvReader.parse(CsvReader.decode(bytes));
        List<Row> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        if (records.isEmpty()) {
            rejected.add(new Rejected(1, TEXT.get("kenpo.import.emptyFile")));
            return new Parsed(rows, rejected);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            String field = HEADERS.get(headerKey(header.get(i)));
            if (field != null) {
                columns.putIfAbsent(field, i);
            }
        }
        List<String> missing = REQUIRED.stream().filter(f -> !columns.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            rejected.add(new Rejected(records.get(0).line(), TEXT.format("kenpo.import.missingColumns", String.join(", ", missing))));
            return new Parsed(rows, rejected);
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvReader.Record record : records.subList(1, records.size())) {
            try {
                Row row = row(record, columns);
                Integer earlier = firstLine.putIfAbsent(row.memberKey(), row.line());
                if (earlier != null) {
                    // The first row of a member wins; the member is not gone, so the key is kept.
                    rejected.add(new Rejected(row.line(), TEXT.format("kenpo.import.duplicate", Integer.toString(earlier)), row.memberKey()));
                    continue;
                }
                rows.add(row);
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejected(record.line(), e.getMessage(), keyIfReadable(record, columns)));
            }
        }
        return new Parsed(rows, rejected);
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
