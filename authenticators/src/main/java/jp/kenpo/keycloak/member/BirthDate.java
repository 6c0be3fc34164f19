package jp.kenpo.keycloak.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

import jp.kenpo.keycloak.common.InputNormalizer;

/**
 * 生年月日 as older members give it: 西暦 or an era year (明治・大正・昭和・平成・令和), year, month and day,
 * digits in either width. The JDK's Japanese calendar knows each era's first and last day, so a date
 * outside its era (昭和65年, 平成1年1月7日) is not a date. 西暦 years before 1900 are taken as typing mistakes.
 */
public final class BirthDate {

    /** The era codes forms and files use ({@code SEIREKI} is the Western calendar). */
    public static final String SEIREKI = "SEIREKI";
    private static final LocalDate FIRST_WESTERN = LocalDate.of(1900, 1, 1);

    private BirthDate() {
    }

    /**
     * The date, or empty when it is not one: {@code eraCode} is {@code SEIREKI}, or a {@link JapaneseEra}
     * by its code ({@code MEIJI}, {@code TAISHO}, {@code SHOWA}, {@code HEISEI}, {@code REIWA}), its name
     * (明治 … 令和) or its letter (M T S H R); the first year of an era may be written 元.
     */
    public static Optional<LocalDate> parse(String eraCode, String year, String month, String day) {
        Optional<Integer> y = "元".equals(InputNormalizer.compact(year)) ? Optional.of(1) : number(year);
        Optional<Integer> m = number(month);
        Optional<Integer> d = number(day);
        if (eraCode == null || y.isEmpty() || m.isEmpty() || d.isEmpty() || y.get() < 1) {
            return Optional.empty();
        }
        String code = eraCode.trim().toUpperCase(Locale.ROOT);
        try {
            if (SEIREKI.equals(code)) {
                LocalDate date = LocalDate.of(y.get(), m.get(), d.get());
                return date.isBefore(FIRST_WESTERN) ? Optional.empty() : Optional.of(date);
            }
            Optional<JapaneseEra> era = era(code);
            if (era.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.from(JapaneseDate.of(era.get(), y.get(), m.get(), d.get())));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<JapaneseEra> era(String code) {
        for (JapaneseEra era : JapaneseEra.values()) {
            if (era.toString().equalsIgnoreCase(code) || era.getDisplayName(TextStyle.FULL, Locale.JAPANESE).equals(code)
                    || era.getDisplayName(TextStyle.NARROW, Locale.ROOT).equals(code)) {
                return Optional.of(era);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> number(String typed) {
        String compact = InputNormalizer.compact(typed);
        if (compact == null || compact.isEmpty() || compact.length() > 4 || !compact.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(compact));
    }
}
