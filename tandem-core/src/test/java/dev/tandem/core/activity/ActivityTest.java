package dev.tandem.core.activity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityTest {

    @Test
    void typesCarryMarketoIds() {
        assertThat(ActivityType.NEW_LEAD.id()).isEqualTo(12);
        assertThat(ActivityType.CHANGE_DATA_VALUE.id()).isEqualTo(13);
        assertThat(ActivityType.SYNC_LEAD_TO_SFDC.id()).isEqualTo(19);
        assertThat(ActivityType.DELETE_LEAD.id()).isEqualTo(37);
        assertThat(ActivityType.ADD_TO_SFDC_CAMPAIGN.id()).isEqualTo(42);
        assertThat(ActivityType.REMOVE_FROM_SFDC_CAMPAIGN.id()).isEqualTo(43);
        assertThat(ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN.id()).isEqualTo(44);
        assertThat(ActivityType.REQUEST_CAMPAIGN.id()).isEqualTo(47);
        assertThat(ActivityType.CHANGE_STATUS_IN_PROGRESSION.id()).isEqualTo(104);
    }

    @Test
    void typeIsFoundById() {
        assertThat(ActivityType.byId(104)).contains(ActivityType.CHANGE_STATUS_IN_PROGRESSION);
        assertThat(ActivityType.byId(9999)).isEmpty();
    }

    @Test
    void statusChangeSchemaListsTheMarketoAttributes() {
        assertThat(ActivityType.CHANGE_STATUS_IN_PROGRESSION.attributes()).extracting(AttributeSpec::name)
                .containsExactly("Reason", "Program Member ID", "Acquired By", "Old Status", "Old Status ID",
                        "New Status", "New Status ID", "Success");
        assertThat(ActivityType.CHANGE_STATUS_IN_PROGRESSION.primaryAttribute()).map(AttributeSpec::name)
                .contains("Program");
    }

    @Test
    void attributesKeepInsertionOrder() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("New Status", "Engaged");
        attributes.put("Old Status", "Member");
        Activity activity = Activity.of(1, Instant.EPOCH, ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN, null, 5L,
                "Spring", attributes);
        assertThat(activity.attributes().keySet()).containsExactly("New Status", "Old Status");
        assertThat(activity.id()).isNull();
        assertThat(activity.withId(9).id()).isEqualTo(9);
    }

    @Test
    void attributeOutsideTheSchemaIsRejected() {
        assertThatThrownBy(() -> Activity.of(1, Instant.EPOCH, ActivityType.NEW_LEAD, null, null, null,
                Map.of("Colour", "blue"))).hasMessageContaining("unknown attribute 'Colour'");
    }
}
