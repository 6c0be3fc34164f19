package jp.kenpo.keycloak.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthDateTest {

    @ParameterizedTest(name = "[{index}] {0} {1}-{2}-{3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "SEIREKI|1985|4|1|1985-04-01",
            "SHOWA|60|4|1|1985-04-01",
            "SHOWA|６０|０４|０１|1985-04-01",
            "SHOWA|1|12|25|1926-12-25",
            "SHOWA|64|1|7|1989-01-07",
            "SHOWA|64|1|8|",
            "SHOWA|65|1|1|",
            "HEISEI|1|1|8|1989-01-08",
            "HEISEI|1|1|7|",
            "HEISEI|31|4|30|2019-04-30",
            "HEISEI|31|5|1|",
            "REIWA|1|5|1|2019-05-01",
            "REIWA|1|4|30|",
            "TAISHO|15|12|24|1926-12-24",
            "SHOWA|50|2|30|",
            "SHOWA|0|1|1|",
            "SHOWA|x|1|1|",
            "MEIJI|1|1|1|",
            "MEIJI|44|3|1|1911-03-01",
            "MEIJI|45|7|29|1912-07-29",
            "MEIJI|45|7|30|",
            "TAISHO|1|7|30|1912-07-30",
            "SEIREKI|1899|12|31|",
            "KAMAKURA|1|1|1|",
    })
    void eraYearsAndWesternYears(String era, String year, String month, String day, String expected) {
        Optional<LocalDate> parsed = BirthDate.parse(era, year, month, day);
        assertEquals(expected == null ? Optional.empty() : Optional.of(LocalDate.parse(expected)), parsed);
    }
}
