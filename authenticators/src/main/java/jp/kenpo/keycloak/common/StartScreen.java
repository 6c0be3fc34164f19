package jp.kenpo.keycloak.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The screens a login attempt can open at, named here so that one feature can send the member to
 * another feature's screen (a link in a mail, a link on a page) without knowing that feature.
 */
public enum StartScreen {
    /** ログイン. */
    LOGIN,
    /** 新規利用登録 (the letter's pre-issued ID and temporary password). */
    FIRST_LOGIN,
    /** 仮ログイン (the temporary password of パスワード再発行). */
    TEMPORARY_LOGIN,
    /** ID・パスワードの取得 (spouses and dependents aged 40 or more). */
    LOOKUP,
    /** 郵送でのログインID、パスワード通知. */
    POSTAL;

    /** As it appears in a link: {@code temporary-login}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<StartScreen> ofPathName(String pathName) {
        for (StartScreen screen : values()) {
            if (screen.pathName().equals(pathName)) {
                return Optional.of(screen);
            }
        }
        return Optional.empty();
    }
}
