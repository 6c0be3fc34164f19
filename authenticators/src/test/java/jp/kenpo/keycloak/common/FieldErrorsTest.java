package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.models.utils.FormMessage;

class FieldErrorsTest {

    @Test
    void aFieldsSecondAndLaterErrorsAreFiledUnderNumberedKeys() {
        List<FormMessage> filed = FieldErrors.oneLineEach(List.of(
                new FormMessage("newPassword", "invalidPasswordMinLengthMessage", 8),
                new FormMessage("newPassword", "invalidPasswordMinUpperCaseCharsMessage", 1),
                new FormMessage("email", "kenpoEmailInvalid"),
                new FormMessage("newPassword", "invalidPasswordMinDigitsMessage", 1)));
        assertEquals(List.of("newPassword", "newPassword#2", "email", "newPassword#3"),
                filed.stream().map(FormMessage::getField).toList());
        assertEquals("invalidPasswordMinUpperCaseCharsMessage", filed.get(1).getMessage());
        assertArrayEquals(new Object[] {1}, filed.get(3).getParameters(), "parameters go with the message");
    }

    @Test
    void aSingleErrorPerFieldIsFiledAsItIs() {
        List<FormMessage> errors = List.of(new FormMessage("symbol", "kenpoLookupRequired_symbol"),
                new FormMessage("number", "kenpoLookupRequired_number"));
        assertEquals(errors, FieldErrors.oneLineEach(errors));
    }

    @Test
    void noMoreLinesThanTheTemplateShows() {
        List<FormMessage> many = new ArrayList<>();
        for (int i = 0; i < FieldErrors.MAX_PER_FIELD + 3; i++) {
            many.add(new FormMessage("newPassword", "rule" + i));
        }
        List<FormMessage> filed = FieldErrors.oneLineEach(many);
        assertEquals(FieldErrors.MAX_PER_FIELD, filed.size());
        assertEquals("newPassword#" + FieldErrors.MAX_PER_FIELD, filed.get(filed.size() - 1).getField());
    }
}
