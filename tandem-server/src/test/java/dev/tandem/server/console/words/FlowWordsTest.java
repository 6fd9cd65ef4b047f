package dev.tandem.server.console.words;

import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.core.automation.TextOperator;
import dev.tandem.core.automation.WaitWindow;
import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.FlowStep;
import dev.tandem.server.automation.model.PersonAttribute;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlowWordsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final FlowWords words = new FlowWords(PARIS, Map.of(7L, "Autumn Webinar"));

    @Test
    void givenStepsWithoutChoices_thenEachIsOneNumberedLine() {
        List<FlowStep> flow = List.of(
                FlowStep.of(new FlowAction.Wait(Duration.ofHours(36), new WaitWindow(WaitWindow.WEEKDAYS,
                        LocalTime.of(9, 0)), null, null, null)),
                FlowStep.of(new FlowAction.ChangeProgramStatus(7L, "Registered")),
                FlowStep.of(new FlowAction.AddToSfdcCampaign("701000000000001AAA", "{{my.Status}}")));

        assertThat(words.describe(flow)).containsExactly(
                new FlowWords.StepWords(1, List.of("Wait 36 hours, ending Mon–Fri at 09:00 Europe/Paris")),
                new FlowWords.StepWords(2, List.of("Change status in program “Autumn Webinar” to “Registered”")),
                new FlowWords.StepWords(3, List.of("Add to SFDC campaign 701000000000001AAA with status "
                        + "“{{my.Status}}”")));
    }

    @Test
    void givenAStepWithChoices_thenEachChoiceReadsIfAndTheDefaultReadsOtherwise() {
        FlowStep step = new FlowStep(List.of(
                new FlowStep.Choice(new Filter.MemberOfProgram(true, 7L, StatusConstraint.is("Attended")),
                        new FlowAction.RemoveFromProgram(null)),
                new FlowStep.Choice(new Filter.AttributeMatches(PersonAttribute.EMAIL, TextOperator.CONTAINS,
                        List.of("@acme.com", "@acme.org")), new FlowAction.DoNothing())),
                new FlowAction.SyncPersonToSfdc(null));

        assertThat(words.describe(List.of(step)).get(0).lines()).containsExactly(
                "If member of program “Autumn Webinar” with status is “Attended”: Remove from the campaign's program",
                "If email contains “@acme.com” or “@acme.org”: Do nothing",
                "Otherwise: Sync person to SFDC (owner from Salesforce's assignment rules)");
    }

    @Test
    void givenAProgramWhoseNameIsUnknown_thenItIsNamedByItsId() {
        assertThat(words.action(new FlowAction.ChangeProgramStatus(99L, "Registered")))
                .isEqualTo("Change status in program 99 to “Registered”");
    }

    @Test
    void givenTheSalesforceActions_thenEachNamesTheCampaign() {
        assertThat(words.action(new FlowAction.RemoveFromSfdcCampaign("701A"))).isEqualTo("Remove from SFDC campaign 701A");
        assertThat(words.action(new FlowAction.ChangeStatusInSfdcCampaign("701A", "Responded")))
                .isEqualTo("Change status in SFDC campaign 701A to “Responded”");
        assertThat(words.action(new FlowAction.SyncPersonToSfdc("005B")))
                .isEqualTo("Sync person to SFDC, assigned to user 005B");
    }

    @Test
    void givenAFlow_thenTheProgramsItNamesAreListedOnceEach() {
        List<FlowStep> flow = List.of(
                FlowStep.of(new FlowAction.ChangeProgramStatus(7L, "Registered")),
                new FlowStep(List.of(new FlowStep.Choice(new Filter.MemberOfProgram(false, 8L, null),
                        new FlowAction.RemoveFromProgram(9L))), new FlowAction.ChangeProgramStatus(7L, "Attended")),
                FlowStep.of(new FlowAction.ChangeProgramStatus(null, "Attended")));

        assertThat(FlowWords.programIds(flow)).containsExactly(7L, 9L, 8L);
    }
}
