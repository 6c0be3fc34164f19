package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MembershipSpoolTest {

    private static final String TEXT = "記号,番号,枝番,続柄,氏名（漢字）\r\n1234,5678,0,本人,健保　太郎\r\n";

    @Test
    void givesBackTheTextInEitherEncodingWithoutTheByteOrderMark() throws IOException {
        for (byte[] bytes : new byte[][] {TEXT.getBytes(StandardCharsets.UTF_8), TEXT.getBytes(CsvReader.CP932),
                ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8)}) {
            try (MembershipSpool spool = MembershipSpool.of(new ByteArrayInputStream(bytes), 1 << 20)) {
                assertEquals(TEXT, read(spool.reader()));
                assertEquals(TEXT, read(spool.reader()), "read twice");
                assertEquals(bytes.length, spool.bytes());
            }
        }
    }

    @Test
    void aUtf8CharacterSplitBetweenReadsIsStillUtf8AndShiftJisLateInTheFileIsFound() throws IOException {
        // 65,535 ASCII bytes, then 健 (3 bytes) across the 64 KiB read boundary.
        String longAscii = "a".repeat(65_535) + "健保\n";
        try (MembershipSpool spool = MembershipSpool.of(new ByteArrayInputStream(longAscii.getBytes(StandardCharsets.UTF_8)), 1 << 20)) {
            assertTrue(spool.utf8());
            assertEquals(longAscii, read(spool.reader()));
        }
        String lateJapanese = "a".repeat(200_000) + "\n健保\n";
        try (MembershipSpool spool = MembershipSpool.of(new ByteArrayInputStream(lateJapanese.getBytes(CsvReader.CP932)), 1 << 20)) {
            assertFalse(spool.utf8());
            assertEquals(lateJapanese, read(spool.reader()));
        }
    }

    @Test
    void neverLiesOnDiskInClearAndIsDeletedWhenClosed() throws IOException {
        String many = TEXT.repeat(1_000);
        Path file;
        try (MembershipSpool spool = MembershipSpool.of(new ByteArrayInputStream(many.getBytes(StandardCharsets.UTF_8)), 1 << 20)) {
            file = spool.file();
            byte[] onDisk = Files.readAllBytes(file);
            assertEquals(many.getBytes(StandardCharsets.UTF_8).length, onDisk.length);
            assertFalse(new String(onDisk, StandardCharsets.UTF_8).contains("5678"), "insurance numbers are not on disk in clear");
            assertFalse(new String(onDisk, StandardCharsets.UTF_8).contains("健保"));
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void aBodyPastTheBoundIsRefusedAndNothingStays() throws IOException {
        long before = countSpools();
        assertThrows(MembershipSpool.TooLargeException.class,
                () -> MembershipSpool.of(new ByteArrayInputStream(new byte[100_001]), 100_000));
        assertEquals(before, countSpools());
    }

    private static long countSpools() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("kenpo-member-import-")).count();
        }
    }

    private static String read(Reader reader) throws IOException {
        try (reader) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            int n;
            while ((n = reader.read(buffer)) != -1) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }
}
