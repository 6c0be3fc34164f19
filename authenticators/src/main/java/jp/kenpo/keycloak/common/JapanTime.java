package jp.kenpo.keycloak.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Dates and times as the union and its members reckon them: in Japan. */
public final class JapanTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter FOR_MAIL = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private JapanTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Now, as written in notices (2026/11/23 10:33). */
    public static String nowForMail() {
        return ZonedDateTime.now(ZONE).format(FOR_MAIL);
    }
}
