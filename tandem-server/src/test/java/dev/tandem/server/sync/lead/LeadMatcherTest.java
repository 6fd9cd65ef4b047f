package dev.tandem.server.sync.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadMatcherTest {

    private static final Instant OPENED = Instant.parse("2026-03-01T10:00:00Z");

    private static LeadIntent withEmail(long personId, String email) {
        return new LeadIntent(personId, OPENED, new LeadFields(email, "Ann", "Ames", "Acme"));
    }

    private static LeadIntent withoutEmail(long personId, String firstName, Instant opened) {
        return new LeadIntent(personId, opened, new LeadFields(null, firstName, "Unknown", "Not Provided"));
    }

    private static ExistingLead lead(String id, String email, String firstName, String lastName, String company,
                                     Instant created) {
        return new ExistingLead(id, email, firstName, lastName, company, created);
    }

    @Test
    void anIntentWithAnEmailAdoptsTheLeadWithThatEmailIgnoringCase() {
        Map<Long, String> adopted = LeadMatcher.match(List.of(withEmail(1, "Ann@Example.com")),
                List.of(lead("00Q1", "ann@example.COM", "Ann", "Ames", "Acme", OPENED.plusSeconds(1))), Set.of());

        assertThat(adopted).containsExactly(Map.entry(1L, "00Q1"));
    }

    @Test
    void withAnEmailTheLeadCreatedSinceTheIntentWinsOverAnOlderOne() {
        Map<Long, String> adopted = LeadMatcher.match(List.of(withEmail(1, "ann@example.com")), List.of(
                lead("00Qold", "ann@example.com", "Ann", "Ames", "Acme", OPENED.minusSeconds(86_400)),
                lead("00Qnew", "ann@example.com", "Ann", "Ames", "Acme", OPENED.plusSeconds(2))), Set.of());

        assertThat(adopted).containsExactly(Map.entry(1L, "00Qnew"));
    }

    @Test
    void withAnEmailAnOlderLeadOfThatEmailIsAdoptedWhenNoneIsNewer() {
        Map<Long, String> adopted = LeadMatcher.match(List.of(withEmail(1, "ann@example.com")), List.of(
                lead("00Qolder", "ann@example.com", "Ann", "Ames", "Acme", OPENED.minusSeconds(90_000)),
                lead("00Qold", "ann@example.com", "Ann", "Ames", "Acme", OPENED.minusSeconds(86_400))), Set.of());

        assertThat(adopted).containsExactly(Map.entry(1L, "00Qold"));
    }

    @Test
    void withoutAnEmailOnlyALeadWithTheSentValuesCreatedSinceTheIntentQualifies() {
        LeadIntent intent = withoutEmail(1, "Bo", OPENED);

        Map<Long, String> adopted = LeadMatcher.match(List.of(intent), List.of(
                lead("00Qbefore", null, "Bo", "Unknown", "Not Provided", OPENED.minus(LeadMatcher.CLOCK_SKEW)
                        .minusSeconds(1)),
                lead("00QotherName", null, "Cy", "Unknown", "Not Provided", OPENED.plusSeconds(1)),
                lead("00QwithEmail", "bo@example.com", "Bo", "Unknown", "Not Provided", OPENED.plusSeconds(1)),
                lead("00Qmatch", null, "Bo", "Unknown", "Not Provided", OPENED.plusSeconds(3))), Set.of());

        assertThat(adopted).containsExactly(Map.entry(1L, "00Qmatch"));
    }

    @Test
    void withoutAnEmailALeadCreatedWithinTheClockSkewBeforeTheIntentStillQualifies() {
        Map<Long, String> adopted = LeadMatcher.match(List.of(withoutEmail(1, null, OPENED)), List.of(
                lead("00Qskewed", null, null, "Unknown", "Not Provided", OPENED.minusSeconds(30))), Set.of());

        assertThat(adopted).containsExactly(Map.entry(1L, "00Qskewed"));
    }

    @Test
    void aLeadThatATandemPersonAlreadyHoldsIsNeverAdopted() {
        Map<Long, String> adopted = LeadMatcher.match(List.of(withEmail(1, "ann@example.com")),
                List.of(lead("00Qheld", "ann@example.com", "Ann", "Ames", "Acme", OPENED.plusSeconds(1))),
                Set.of("00Qheld"));

        assertThat(adopted).isEmpty();
    }

    @Test
    void twoIntentsWithTheSameValuesAdoptOneLeadEachOldestIntentFirst() {
        LeadIntent older = withoutEmail(2, null, OPENED);
        LeadIntent newer = withoutEmail(1, null, OPENED.plusSeconds(60));

        Map<Long, String> adopted = LeadMatcher.match(List.of(newer, older), List.of(
                lead("00Qsecond", null, null, "Unknown", "Not Provided", OPENED.plusSeconds(61)),
                lead("00Qfirst", null, null, "Unknown", "Not Provided", OPENED.plusSeconds(1))), Set.of());

        assertThat(adopted).containsExactly(Map.entry(2L, "00Qfirst"), Map.entry(1L, "00Qsecond"));
    }

    @Test
    void anIntentWithoutAnyCandidateAdoptsNothing() {
        assertThat(LeadMatcher.match(List.of(withEmail(1, "ann@example.com")), List.of(), Set.of())).isEmpty();
    }
}
