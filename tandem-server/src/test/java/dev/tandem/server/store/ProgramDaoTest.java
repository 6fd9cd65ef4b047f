package dev.tandem.server.store;

import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramDaoTest extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private final ProgramDao programs = new ProgramDao();

    private long insert(String name, List<PeriodCost> costs) {
        return database().jdbi().inTransaction(h -> programs.insert(h, name, "d", ProgramType.DEFAULT,
                new ChannelDao().byName(h, "Web").orElseThrow().channel().id(), costs, NOW));
    }

    @Test
    void costsReadBackInInsertionOrderIncludingSameMonth() {
        PeriodCost jan = new PeriodCost(YearMonth.of(2026, 1), 300, "Ads");
        PeriodCost jan2 = new PeriodCost(YearMonth.of(2026, 1), 100, null);
        long id = insert("Spring", List.of(jan, jan2));
        Program program = database().jdbi().withHandle(h -> programs.byId(h, id)).orElseThrow();
        assertThat(program.costs().entries()).containsExactly(jan, jan2);
        assertThat(program.channelName()).isEqualTo("Web");
    }

    @Test
    void duplicateNameIsRejectedByTheDatabase() {
        insert("Spring", List.of());
        assertThatThrownBy(() -> insert("Spring", List.of()))
                .satisfies(e -> assertThat(SqlErrors.isUniqueViolation(e)).isTrue());
    }

    @Test
    void campaignCanBeLinkedToOneProgramOnly() {
        long a = insert("A", List.of());
        long b = insert("B", List.of());
        database().jdbi().useTransaction(h -> programs.setSfdcCampaign(h, a, "701000000000001AAA", "C", NOW));
        assertThatThrownBy(() -> database().jdbi().useTransaction(h ->
                programs.setSfdcCampaign(h, b, "701000000000001AAA", "C", NOW)))
                .satisfies(e -> assertThat(SqlErrors.isUniqueViolation(e)).isTrue());
        java.util.Optional<Program> linked = database().jdbi().withHandle(h ->
                programs.bySfdcCampaignId(h, "701000000000001AAA"));
        assertThat(linked).map(Program::id).contains(a);
    }

    @Test
    void deletingAProgramDeletesItsCosts() {
        long id = insert("Spring", List.of(new PeriodCost(YearMonth.of(2026, 1), 1, null)));
        database().jdbi().useTransaction(h -> programs.delete(h, id));
        int costs = database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM program_costs")
                .mapTo(Integer.class).one());
        assertThat(costs).isZero();
    }
}
