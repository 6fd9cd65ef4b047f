package dev.tandem.core.channel;

import dev.tandem.core.program.ProgramType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A program channel: the program type it applies to and the progression statuses its members move through.
 * Statuses are kept ordered by step; "Not in Program" is always present at step 0.
 */
public record Channel(long id, String name, ProgramType applicableProgramType, List<ProgressionStatus> statuses) {

    /** The step-0 pseudo-status every channel carries; reaching it ends a membership. */
    public static final String NOT_IN_PROGRAM = "Not in Program";

    public Channel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("channel name: must not be blank");
        }
        if (applicableProgramType == null) {
            throw new IllegalArgumentException("channel '" + name + "' applicableProgramType: must not be null");
        }
        statuses = normalise(name, statuses == null ? List.of() : statuses);
    }

    private static List<ProgressionStatus> normalise(String channel, List<ProgressionStatus> given) {
        List<ProgressionStatus> result = new ArrayList<>(given.size() + 1);
        Set<String> names = new HashSet<>();
        boolean hasNotInProgram = false;
        for (ProgressionStatus status : given) {
            if (!names.add(status.name())) {
                throw new IllegalArgumentException("channel '" + channel + "': status '" + status.name() + "' appears twice");
            }
            if (status.isNotInProgram()) {
                if (status.step() != 0 || status.success()) {
                    throw new IllegalArgumentException("channel '" + channel
                            + "': '" + NOT_IN_PROGRAM + "' must be step 0 and not a success");
                }
                hasNotInProgram = true;
            } else if (status.step() == 0) {
                throw new IllegalArgumentException("channel '" + channel + "': status '" + status.name()
                        + "' has step 0, which is reserved for '" + NOT_IN_PROGRAM + "'");
            }
            result.add(status);
        }
        if (!hasNotInProgram) {
            result.add(ProgressionStatus.of(NOT_IN_PROGRAM, 0, false));
        }
        if (result.size() < 2) {
            throw new IllegalArgumentException("channel '" + channel + "': needs at least one member status");
        }
        // Stable sort keeps the given order among statuses of equal step.
        result.sort(Comparator.comparingInt(ProgressionStatus::step));
        return List.copyOf(result);
    }

    /** The status with exactly this name (case-sensitive, as Salesforce campaign statuses are matched). */
    public Optional<ProgressionStatus> status(String statusName) {
        return statuses.stream().filter(s -> s.name().equals(statusName)).findFirst();
    }

    /** The statuses a member can hold: all except "Not in Program", by step. */
    public List<ProgressionStatus> memberStatuses() {
        return statuses.stream().filter(s -> !s.isNotInProgram()).toList();
    }

    /** The first member status (lowest step): what a person gets when added without a stated status. */
    public ProgressionStatus lowestMemberStatus() {
        return memberStatuses().get(0);
    }

    /** The "Not in Program" status of this channel. */
    public ProgressionStatus notInProgram() {
        return statuses.get(0);
    }

    /** Whether programs of the given type may use this channel. */
    public boolean appliesTo(ProgramType type) {
        return applicableProgramType == type;
    }
}
