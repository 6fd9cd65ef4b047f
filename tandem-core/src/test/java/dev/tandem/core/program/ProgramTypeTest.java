package dev.tandem.core.program;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramTypeTest {

    @Test
    void apiNamesFollowMarketo() {
        assertThat(ProgramType.DEFAULT.apiName()).isEqualTo("Default");
        assertThat(ProgramType.EVENT.apiName()).isEqualTo("Event");
        assertThat(ProgramType.WEBINAR.apiName()).isEqualTo("Event with Webinar");
        assertThat(ProgramType.ENGAGEMENT.apiName()).isEqualTo("Engagement");
        assertThat(ProgramType.EMAIL.apiName()).isEqualTo("Email");
    }

    @Test
    void internalNamesFollowMarketoChannelTypes() {
        assertThat(ProgramType.DEFAULT.internalName()).isEqualTo("program");
        assertThat(ProgramType.ENGAGEMENT.internalName()).isEqualTo("nurture");
        assertThat(ProgramType.EMAIL.internalName()).isEqualTo("email_batch");
        assertThat(ProgramType.WEBINAR.internalName()).isEqualTo("webinar");
    }

    @Test
    void parseAcceptsEitherSpellingIgnoringCase() {
        assertThat(ProgramType.parse("Event with Webinar")).isEqualTo(ProgramType.WEBINAR);
        assertThat(ProgramType.parse("nurture")).isEqualTo(ProgramType.ENGAGEMENT);
        assertThat(ProgramType.parse("email_batch")).isEqualTo(ProgramType.EMAIL);
        assertThat(ProgramType.parse("default")).isEqualTo(ProgramType.DEFAULT);
    }

    @Test
    void parseOfUnknownTypeNamesTheFieldAndTheChoices() {
        assertThatThrownBy(() -> ProgramType.parse("Party"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("type:").hasMessageContaining("Event with Webinar");
    }
}
