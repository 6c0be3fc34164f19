package jp.kenpo.keycloak.memberimport;

import java.util.ArrayList;
import java.util.List;

/**
 * How each character of a login ID or temporary password is read out on the union's letter, so that
 * members type exactly what is printed: 0 ゼロ, 7 ナナ, A エー大文字, a エー小文字.
 */
public final class Readings {

    private static final String[] DIGITS = {"ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ"};
    private static final String[] LETTERS = {"エー", "ビー", "シー", "ディー", "イー", "エフ", "ジー", "エイチ", "アイ", "ジェー",
            "ケー", "エル", "エム", "エヌ", "オー", "ピー", "キュー", "アール", "エス", "ティー", "ユー", "ブイ", "ダブリュー",
            "エックス", "ワイ", "ゼット"};

    private Readings() {
    }

    public static List<String> of(String value) {
        List<String> readings = new ArrayList<>();
        for (char c : value.toCharArray()) {
            if (c >= '0' && c <= '9') {
                readings.add(DIGITS[c - '0']);
            } else if (c >= 'A' && c <= 'Z') {
                readings.add(LETTERS[c - 'A'] + "大文字");
            } else if (c >= 'a' && c <= 'z') {
                readings.add(LETTERS[c - 'a'] + "小文字");
            } else {
                readings.add(String.valueOf(c));
            }
        }
        return readings;
    }

    /** The readings joined as on the letter: (ゼロ、ナナ、エー大文字、…). */
    public static String joined(String value) {
        return "(" + String.join("、", of(value)) + ")";
    }
}
