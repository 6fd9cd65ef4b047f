package dev.tandem.server.automation.model;

import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.core.automation.TextOperator;

import java.util.List;

/** A smart list filter (also a choice condition): a test of a person's current state. */
public sealed interface Filter {

    /** The name users see, e.g. "Member of Program". */
    String displayName();

    /** The person is (or is not) a member of one of these Salesforce campaigns, optionally with some statuses. */
    record MemberOfSfdcCampaign(boolean in, List<String> campaignIds, StatusConstraint status) implements Filter {
        public MemberOfSfdcCampaign {
            campaignIds = campaignIds == null ? List.of() : List.copyOf(campaignIds);
        }

        @Override
        public String displayName() {
            return "Member of SFDC Campaign";
        }
    }

    /** The person is (or is not) a member of the program, optionally with some statuses. */
    record MemberOfProgram(boolean in, long programId, StatusConstraint status) implements Filter {
        @Override
        public String displayName() {
            return "Member of Program";
        }
    }

    /** A person field compared with values. */
    record AttributeMatches(PersonAttribute attribute, TextOperator operator, List<String> values) implements Filter {
        public AttributeMatches {
            values = values == null ? List.of() : List.copyOf(values);
        }

        @Override
        public String displayName() {
            return "Person attribute " + attribute.apiName();
        }
    }
}
