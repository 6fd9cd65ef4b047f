package dev.tandem.server.domain.programs;

import dev.tandem.server.http.MutableClock;
import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.core.person.PersonFields;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.SyncAction;
import dev.tandem.server.store.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramServiceTest extends DatabaseTest {

    private static final PeriodCost JAN = new PeriodCost(YearMonth.of(2026, 1), 2000, "Adwords");
    private static final PeriodCost FEB = new PeriodCost(YearMonth.of(2026, 2), 500, null);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private ProgramService programs;
    private final List<ProgramChange> changes = new ArrayList<>();

    @BeforeEach
    void services() {
        programs = new ProgramService(database().jdbi(), clock);
        programs.addListener((tx, change) -> changes.add(change));
    }

    private Program create(String name) {
        return programs.create(new NewProgram(name, "About " + name, ProgramType.EVENT, "Webinar", List.of(JAN)));
    }

    @Test
    void createdProgramKeepsTypeChannelAndCosts() {
        Program program = create("Spring Webinar");
        assertThat(program.type()).isEqualTo(ProgramType.EVENT);
        assertThat(program.channelName()).isEqualTo("Webinar");
        assertThat(program.costs().entries()).containsExactly(JAN);
        assertThat(program.createdAt()).isEqualTo(clock.instant());
        assertThat(programs.byName("Spring Webinar")).contains(program);
        assertThat(programs.get(program.id())).contains(program);
    }

    @Test
    void duplicateNameIsRefusedAsConflictNamingTheField() {
        create("Spring Webinar");
        assertThatThrownBy(() -> create("Spring Webinar"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).startsWith("name:");
                });
    }

    @Test
    void unknownChannelIsRefusedAsNotFound() {
        assertThatThrownBy(() -> programs.create(new NewProgram("P", null, ProgramType.DEFAULT, "Billboard", null)))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND))
                .hasMessageContaining("Billboard");
    }

    @Test
    void channelOfAnotherProgramTypeIsRefused() {
        assertThatThrownBy(() -> programs.create(new NewProgram("P", null, ProgramType.DEFAULT, "Webinar", null)))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
                .hasMessageStartingWith("channel:").hasMessageContaining("Event");
    }

    @Test
    void blankNameIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> programs.create(new NewProgram(" ", null, ProgramType.EVENT, "Webinar", null)))
                .hasMessageStartingWith("name:");
        assertThat(programs.browse(200, 0)).isEmpty();
    }

    @Test
    void updateAppendsCostsByDefault() {
        Program program = create("P");
        Program updated = programs.update(program.id(), new ProgramUpdate(null, null, List.of(FEB), false));
        assertThat(updated.costs().entries()).containsExactly(JAN, FEB);
        assertThat(updated.name()).isEqualTo("P");
        assertThat(updated.description()).isEqualTo("About P");
    }

    @Test
    void destructiveUpdateReplacesCosts() {
        Program program = create("P");
        Program updated = programs.update(program.id(), new ProgramUpdate(null, null, List.of(FEB), true));
        assertThat(updated.costs().entries()).containsExactly(FEB);
    }

    @Test
    void destructiveUpdateWithoutCostsClearsThem() {
        Program program = create("P");
        Program updated = programs.update(program.id(), new ProgramUpdate(null, null, null, true));
        assertThat(updated.costs().isEmpty()).isTrue();
    }

    @Test
    void renameToATakenNameIsRefused() {
        create("A");
        Program b = create("B");
        assertThatThrownBy(() -> programs.update(b.id(), new ProgramUpdate("A", null, null, false)))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    }

    @Test
    void updateOfMissingProgramIsNotFound() {
        assertThatThrownBy(() -> programs.update(999, new ProgramUpdate("X", null, null, false)))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    @Test
    void listenerSeesCreationCostChangeAndDeletion() {
        Program program = create("P");
        programs.update(program.id(), new ProgramUpdate(null, null, List.of(FEB), false));
        programs.delete(program.id());
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0).isCreation()).isTrue();
        assertThat(changes.get(1).costTotalChanged()).isTrue();
        assertThat(changes.get(1).after().costs().total()).isEqualTo(2500);
        assertThat(changes.get(2).isDeletion()).isTrue();
        assertThat(changes.get(2).programId()).isEqualTo(program.id());
    }

    @Test
    void renameAloneDoesNotChangeTheCostTotal() {
        Program program = create("P");
        programs.update(program.id(), new ProgramUpdate("Q", null, null, false));
        assertThat(changes.get(1).costTotalChanged()).isFalse();
        assertThat(changes.get(1).after().name()).isEqualTo("Q");
    }

    @Test
    void listenerFailureRollsTheWriteBack() {
        programs.addListener((tx, change) -> {
            throw new IllegalStateException("outbox full");
        });
        assertThatThrownBy(() -> create("P")).hasMessage("outbox full");
        assertThat(programs.byName("P")).isEmpty();
    }

    @Test
    void deletingAProgramDeletesItsMemberships() {
        Program program = create("P");
        ActivityLog log = new ActivityLog(database().jdbi());
        long person = new PeopleService(database().jdbi(), log, clock).sync(SyncAction.CREATE_ONLY, LookupField.EMAIL,
                List.of(PersonInput.of(PersonFields.ofEmail("a@x.io")))).get(0).id();
        MembershipService memberships = new MembershipService(database().jdbi(), log, clock);
        memberships.changeStatus(program.id(), List.of(person), "Member", ChangeSource.API, null);
        programs.delete(program.id());
        assertThat(programs.get(program.id())).isEmpty();
        assertThat(memberships.programsOf(person)).isEmpty();
    }

    @Test
    void linkingACampaignAlreadyLinkedElsewhereIsRefused() {
        Program a = create("A");
        Program b = create("B");
        database().jdbi().useTransaction(tx -> programs.linkSalesforceCampaign(tx, a.id(), "701000000000001AAA", "C"));
        assertThatThrownBy(() -> database().jdbi().useTransaction(tx ->
                programs.linkSalesforceCampaign(tx, b.id(), "701000000000001AAA", "C")))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT))
                .hasMessageContaining("'A'");
        assertThat(programs.bySalesforceCampaign("701000000000001AAA")).map(Program::id).contains(a.id());
    }

    @Test
    void unlinkClearsTheCampaignAndTellsListeners() {
        Program a = create("A");
        database().jdbi().useTransaction(tx -> programs.linkSalesforceCampaign(tx, a.id(), "701000000000001AAA", "C"));
        Program unlinked = database().jdbi().inTransaction(tx -> programs.unlinkSalesforceCampaign(tx, a.id()));
        assertThat(unlinked.isLinked()).isFalse();
        assertThat(changes.get(changes.size() - 1).linkChanged()).isTrue();
    }

    @Test
    void browsePagesByOffsetAndRefusesOversizedPages() {
        for (int i = 0; i < 5; i++) {
            create("P" + i);
        }
        assertThat(programs.browse(2, 0)).extracting(Program::name).containsExactly("P0", "P1");
        assertThat(programs.browse(2, 4)).extracting(Program::name).containsExactly("P4");
        assertThatThrownBy(() -> programs.browse(201, 0)).hasMessageStartingWith("maxReturn:");
    }

    @Test
    void adminChannelGetsNotInProgramAndCanBeUsedByItsType() {
        Channel party = programs.createChannel("Party", ProgramType.WEBINAR, List.of(
                ProgressionStatus.of("Invited", 10, false), ProgressionStatus.of("Attended", 20, true)));
        assertThat(party.statuses()).extracting(ProgressionStatus::name)
                .containsExactly("Not in Program", "Invited", "Attended");
        Program program = programs.create(new NewProgram("Launch", null, ProgramType.WEBINAR, "Party", null));
        assertThat(program.channelName()).isEqualTo("Party");
    }

    @Test
    void channelWithATakenNameOrBadStepsIsRefused() {
        assertThatThrownBy(() -> programs.createChannel("Webinar", ProgramType.EVENT,
                List.of(ProgressionStatus.of("Invited", 10, false))))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThatThrownBy(() -> programs.createChannel("Bad", ProgramType.EVENT,
                List.of(ProgressionStatus.of("Invited", 0, false))))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
    }

    @Test
    void channelsAreListedAndFoundByExactName() {
        assertThat(programs.channels(200, 0)).extracting(Channel::name).contains("Webinar", "Nurture");
        assertThat(programs.channelByName("Nurture")).map(Channel::applicableProgramType)
                .contains(ProgramType.ENGAGEMENT);
        assertThat(programs.channelByName("nurture")).isEmpty();
    }
}
