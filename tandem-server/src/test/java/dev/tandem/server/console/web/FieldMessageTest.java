package dev.tandem.server.console.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldMessageTest {

    private static final List<String> FIELDS = List.of("name", "type", "value");

    @Test
    void givenAMessageStartingWithAFieldOfTheForm_thenTheProblemGoesToThatField() {
        assertThat(FieldMessage.parse("value: 'soon' is not a date such as 2026-12-01 (type date)", FIELDS, "name"))
                .isEqualTo(new FieldMessage("value", "'soon' is not a date such as 2026-12-01 (type date)"));
    }

    @Test
    void givenABlankFieldMessage_thenTheProblemIsCapitalised() {
        assertThat(FieldMessage.parse("name: cannot be blank", FIELDS, "value"))
                .isEqualTo(new FieldMessage("name", "Cannot be blank"));
    }

    @Test
    void givenAMessageNamingNoFieldOfTheForm_thenItGoesWholeToTheFallback() {
        assertThat(FieldMessage.parse("folderType: use Program", FIELDS, "name"))
                .isEqualTo(new FieldMessage("name", "folderType: use Program"));
        assertThat(FieldMessage.parse("Something odd", FIELDS, "name"))
                .isEqualTo(new FieldMessage("name", "Something odd"));
    }
}
