package dev.tandem.server.sync.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replays one member's campaign activities (42 add, 43 remove, 44 status change) in the order they were written
 * and reports every step that does not follow from the state before it: an addition of someone already in the
 * campaign, a removal or status change of someone not in it, a change whose old status is not the current one.
 * A duplicated activity always breaks the chain, and a missing one leaves the replay at a state other than
 * Salesforce's, which is how "exactly once per change that Salesforce holds" is checked without knowing which
 * intermediate changes the sync ever saw.
 */
final class MemberHistory {

    /** One campaign activity: its type id, its status attributes and the side that made the change. */
    record Step(long activityId, int type, String status, String oldStatus, String newStatus, String source) {
    }

    private final List<String> problems = new ArrayList<>();
    private String state;

    /** Replays the steps, oldest first. */
    static MemberHistory replay(List<Step> steps) {
        MemberHistory history = new MemberHistory();
        steps.forEach(history::apply);
        return history;
    }

    private void apply(Step step) {
        switch (step.type()) {
            case 42 -> {
                if (state != null) {
                    problems.add("activity " + step.activityId() + ": added while already in with " + state);
                }
                state = step.status();
            }
            case 43 -> {
                if (state == null) {
                    problems.add("activity " + step.activityId() + ": removed while not in the campaign");
                } else if (!Objects.equals(state, step.status())) {
                    problems.add("activity " + step.activityId() + ": removed with " + step.status() + " but held "
                            + state);
                }
                state = null;
            }
            case 44 -> {
                if (state == null) {
                    problems.add("activity " + step.activityId() + ": status changed while not in the campaign");
                } else if (!Objects.equals(state, step.oldStatus())) {
                    problems.add("activity " + step.activityId() + ": changed from " + step.oldStatus() + " but held "
                            + state);
                } else if (Objects.equals(step.oldStatus(), step.newStatus())) {
                    problems.add("activity " + step.activityId() + ": a change to the same status " + state);
                }
                state = step.newStatus();
            }
            default -> throw new IllegalArgumentException("not a campaign activity: " + step.type());
        }
    }

    /** The status the replay ends with; null when not in the campaign. */
    String finalStatus() {
        return state;
    }

    /** Every inconsistent step. */
    List<String> problems() {
        return problems;
    }
}
