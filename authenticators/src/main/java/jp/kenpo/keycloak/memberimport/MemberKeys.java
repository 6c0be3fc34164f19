package jp.kenpo.keycloak.memberimport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The member keys (記号-番号-枝番) a membership file lists, with the line of each member's first readable row:
 * what tells a member's second row from its first, and a member absent from the file from one listed. Kept as
 * a 128-bit fingerprint (the first half of the key's SHA-256) in flat arrays, 20 bytes a slot at most half
 * full: about 40 bytes per row (80 MB at 2,000,000 rows), where strings in a hash set took about 200 and the
 * rows themselves several hundred more. Two distinct keys of one file sharing a fingerprint is a 2^-128 event
 * per pair. Used by one thread at a time (the request's reader).
 */
final class MemberKeys {

    /** Marks a key that only rejected rows listed: the member is not absent, but has no row to apply. */
    private static final int NO_ROW = 0;

    private final MessageDigest sha256;
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    /** Per slot: the first readable row's line, {@link #NO_ROW}, or -1 for an empty slot. */
    private int[] lines = emptyLines(1024);
    private int size;

    MemberKeys() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The line of the member's first readable row: {@code line} itself when this is that row (it is recorded),
     * an earlier line when the member was listed before. Asking again for the same row gives the same answer,
     * so a second reading of the file agrees with the first.
     */
    int firstRow(String memberKey, int line) {
        int slot = slot(memberKey);
        if (lines[slot] > NO_ROW) {
            return lines[slot];
        }
        if (lines[slot] < NO_ROW) {
            size++;
        }
        lines[slot] = line;
        growIfNeeded();
        return line;
    }

    /** The member is listed by a row that could not be read: not absent, nothing to apply. */
    void listed(String memberKey) {
        int slot = slot(memberKey);
        if (lines[slot] < NO_ROW) {
            lines[slot] = NO_ROW;
            size++;
            growIfNeeded();
        }
    }

    boolean contains(String memberKey) {
        return lines[slot(memberKey)] >= NO_ROW;
    }

    /** Distinct members listed. */
    int size() {
        return size;
    }

    private int slot(String memberKey) {
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(memberKey.getBytes(StandardCharsets.UTF_8)));
        long h = digest.getLong();
        long l = digest.getLong();
        return find(high, low, lines, h, l);
    }

    private static int find(long[] high, long[] low, int[] lines, long h, long l) {
        int mask = lines.length - 1;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (lines[slot] >= NO_ROW && (high[slot] != h || low[slot] != l)) {
            slot = (slot + 1) & mask;
        }
        high[slot] = h;
        low[slot] = l;
        return slot;
    }

    private void growIfNeeded() {
        if (size * 2L <= lines.length) {
            return;
        }
        int capacity = lines.length * 2;
        long[] newHigh = new long[capacity];
        long[] newLow = new long[capacity];
        int[] newLines = emptyLines(capacity);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] >= NO_ROW) {
                int slot = find(newHigh, newLow, newLines, high[i], low[i]);
                newLines[slot] = lines[i];
            }
        }
        high = newHigh;
        low = newLow;
        lines = newLines;
    }

    private static int[] emptyLines(int capacity) {
        int[] empty = new int[capacity];
        java.util.Arrays.fill(empty, -1);
        return empty;
    }
}
