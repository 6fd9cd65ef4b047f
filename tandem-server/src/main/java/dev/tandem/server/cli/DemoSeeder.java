package dev.tandem.server.cli;

import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
import dev.tandem.core.program.Program;
import dev.tandem.server.TandemApp;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.PersonResult;
import dev.tandem.server.domain.people.SyncAction;
import dev.tandem.server.domain.programs.NewProgram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the demo's people, programs and memberships through the domain services (so activities are written as for
 * any other change). Idempotent: people are matched by email, a program that already exists is left as the user
 * left it, so a second run adds nothing.
 */
final class DemoSeeder {

    private final TandemApp.Services services;

    DemoSeeder(TandemApp.Services services) {
        this.services = services;
    }

    /** What one seeding run created. */
    record Seeded(int peopleCreated, int programsCreated, int membershipsCreated) {
    }

    /**
     * Seeds Tandem's side.
     *
     * @param leadIds the Salesforce Lead id of each person who has one, by person index
     */
    Seeded seed(List<String> leadIds) {
        List<DemoData.DemoPerson> people = DemoData.people();
        List<PersonInput> input = new ArrayList<>(people.size());
        for (DemoData.DemoPerson person : people) {
            String leadId = person.index() < leadIds.size() ? leadIds.get(person.index()) : null;
            input.add(PersonInput.of(new PersonFields(person.email(), person.firstName(), person.lastName(),
                    person.company(), person.title(), null, leadId == null ? null : SfdcType.LEAD, leadId)));
        }
        List<PersonResult> results = services.people().sync(SyncAction.CREATE_OR_UPDATE, LookupField.EMAIL, input);
        long[] personIds = new long[people.size()];
        int peopleCreated = 0;
        for (PersonResult result : results) {
            if (result.id() == null) {
                throw new IllegalStateException("demo person " + result.seq() + " was refused: "
                        + Optional.ofNullable(result.reason()).map(r -> r.code() + " " + r.message()).orElse("?"));
            }
            personIds[result.seq()] = result.id();
            if (result.status() == PersonResult.Status.CREATED) {
                peopleCreated++;
            }
        }
        int programsCreated = 0;
        int membershipsCreated = 0;
        for (DemoData.DemoProgram sample : DemoData.programs()) {
            if (services.programs().byName(sample.name()).isPresent()) {
                continue;
            }
            Program program = services.programs().create(new NewProgram(sample.name(), sample.description(),
                    sample.type(), sample.channel(), sample.costs()));
            programsCreated++;
            Map<String, List<Long>> byStatus = new LinkedHashMap<>();
            sample.members().forEach(member -> byStatus.computeIfAbsent(member.status(), s -> new ArrayList<>())
                    .add(personIds[member.person()]));
            for (Map.Entry<String, List<Long>> group : byStatus.entrySet()) {
                membershipsCreated += services.memberships().changeStatus(program.id(), group.getValue(),
                        group.getKey(), ChangeContext.of(ChangeSource.IMPORT, "Demo data")).size();
            }
        }
        return new Seeded(peopleCreated, programsCreated, membershipsCreated);
    }
}
