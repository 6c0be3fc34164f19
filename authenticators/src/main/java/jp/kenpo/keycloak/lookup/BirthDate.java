package jp.kenpo.keycloak.lookup;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import jp.kenpo.keycloak.common.InputNormalizer;

/**
 * 生年月日 as older members give it: 西暦 or an era year (大正・昭和・平成・令和), year, month and day, digits
 * in either width. A date outside its era (昭和65年, 平成1年1月7日) is not a date.
 */
public final class BirthDate {

    public enum Era {
        SEIREKI(0, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31)),
        TAISHO(1911, LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 24)),
        SHOWA(1925, LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7)),
        HEISEI(1988, LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30)),
        REIWA(2018, LocalDate.of(2019, 5, 1), LocalDate.of(9999, 12, 31));

        private final int offset;
        private final LocalDate first;
        private final LocalDate last;

        Era(int offset, LocalDate first, LocalDate last) {
            this.offset = offset;
            this.first = first;
            this.last = last;
        }

        public static Optional<Era> of(String code) {
            if (code == null) {
                return Optional.empty();
            }
            for (Era era : values()) {
                if (era.name().equalsIgnoreCase(code.trim())) {
                    return Optional.of(era);
                }
            }
            return Optional.empty();
        }
    }

    private BirthDate() {
    }

    public static Optional<LocalDate> parse(String eraCode, String year, String month, String day) {
        Optional<Era> era = Era.of(eraCode);
        Optional<Integer> y = number(year);
        Optional<Integer> m = number(month);
        Optional<Integer> d = number(day);
        if (era.isEmpty() || y.isEmpty() || m.isEmpty() || d.isEmpty() || y.get() < 1) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(era.get().offset + y.get(), m.get(), d.get());
            if (date.isBefore(era.get().first) || date.isAfter(era.get().last)) {
                return Optional.empty();
            }
            return Optional.of(date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> number(String typed) {
        String compact = InputNormalizer.compact(typed);
        if (compact == null || compact.isEmpty() || compact.length() > 4 || !compact.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(compact));
    }
}
