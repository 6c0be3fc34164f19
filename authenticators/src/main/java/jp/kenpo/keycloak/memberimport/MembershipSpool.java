package jp.kenpo.keycloak.memberimport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * The membership file as the request brought it, kept for the import's two readings: the whole file is
 * checked first (duplicates, and for a full import how many members it would disable, before anything
 * changes), then applied. It goes to a temporary file instead of the heap, so a node's memory does not grow
 * with the file; the file is encrypted with a key that exists only in this object (AES-CTR), so insurance
 * numbers and names never lie on disk in clear, not even when the node dies mid-import, and it is deleted
 * when the import ends. Whether the bytes are UTF-8 (else Shift_JIS, CP932) is settled while they arrive.
 */
final class MembershipSpool implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final SecretKey key;
    private final byte[] iv;
    private final long bytes;
    private final boolean utf8;

    private MembershipSpool(Path file, SecretKey key, byte[] iv, long bytes, boolean utf8) {
        this.file = file;
        this.key = key;
        this.iv = iv;
        this.bytes = bytes;
        this.utf8 = utf8;
    }

    /** Thrown when the body goes past the bound; nothing is kept. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(long max) {
            super("The request is larger than " + (max >> 20) + " MiB");
        }
    }

    /** Reads the body to its end (at most {@code max} bytes, else {@link TooLargeException}). */
    static MembershipSpool of(InputStream body, long max) throws IOException {
        Path file = Files.createTempFile("kenpo-member-import-", ".bin");
        boolean kept = false;
        try {
            SecretKey key = newKey();
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            Utf8Check check = new Utf8Check();
            long total = 0;
            try (InputStream in = body;
                 OutputStream out = new CipherOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 65_536),
                         cipher(Cipher.ENCRYPT_MODE, key, iv))) {
                byte[] chunk = new byte[65_536];
                int n;
                while ((n = in.read(chunk)) != -1) {
                    total += n;
                    if (total > max) {
                        throw new TooLargeException(max);
                    }
                    check.feed(chunk, n);
                    out.write(chunk, 0, n);
                }
            }
            MembershipSpool spool = new MembershipSpool(file, key, iv, total, check.end());
            kept = true;
            return spool;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The file's text from its start (a UTF-8 byte-order mark left out). */
    Reader reader() {
        try {
            InputStream in = new CipherInputStream(new BufferedInputStream(Files.newInputStream(file), 65_536),
                    cipher(Cipher.DECRYPT_MODE, key, iv));
            if (!utf8) {
                return new InputStreamReader(in, CsvReader.CP932);
            }
            PushbackInputStream withoutBom = new PushbackInputStream(in, 3);
            byte[] start = withoutBom.readNBytes(3);
            boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
            if (!bom) {
                withoutBom.unread(start);
            }
            return new InputStreamReader(withoutBom, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long bytes() {
        return bytes;
    }

    boolean utf8() {
        return utf8;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(128, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, key, new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a byte stream fed in pieces is valid UTF-8 (a character may be split between pieces). */
    static final class Utf8Check {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer scratch = CharBuffer.allocate(8_192);
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private boolean valid = true;

        void feed(byte[] chunk, int n) {
            if (!valid) {
                return;
            }
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + n);
            in.put(pending).put(chunk, 0, n).flip();
            decode(in, false);
            pending = in;
        }

        /** True when every byte fed was valid UTF-8. */
        boolean end() {
            if (valid) {
                decode(pending, true);
                valid = valid && !pending.hasRemaining();
            }
            return valid;
        }

        private void decode(ByteBuffer in, boolean last) {
            while (true) {
                scratch.clear();
                CoderResult result = decoder.decode(in, scratch, last);
                if (result.isError()) {
                    valid = false;
                    return;
                }
                if (!result.isOverflow()) {
                    return;
                }
            }
        }
    }
}
