package dev.tandem.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.salesforce.write.RecordError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkFormatsTest {

    @Test
    void csvRoundTripsCommasQuotesAndNewlines() {
        String csv = BulkCsv.write(List.of("LastName", "Company"),
                List.of(List.of("O\"Brien, Jr.", "Line1\nLine2"), List.of("#N/A", "")));

        assertThat(csv).startsWith("LastName,Company\n");
        assertThat(BulkCsv.read(csv)).containsExactly(
                Map.of("LastName", "O\"Brien, Jr.", "Company", "Line1\nLine2"),
                Map.of("LastName", "#N/A", "Company", ""));
    }

    @Test
    void emptyResultBodyHasNoRows() {
        assertThat(BulkCsv.read("")).isEmpty();
        assertThat(BulkCsv.read("\"sf__Id\",\"sf__Error\"\n")).isEmpty();
    }

    @Test
    void errorCellSplitsIntoCodeMessageAndFields() {
        assertThat(BulkErrors.parse("REQUIRED_FIELD_MISSING:Required fields are missing: [Company, LastName]:"
                + "Company,LastName --")).isEqualTo(new RecordError("REQUIRED_FIELD_MISSING",
                "Required fields are missing: [Company, LastName]", List.of("Company", "LastName")));
        assertThat(BulkErrors.parse("DUPLICATE_VALUE:Already a campaign member.:--"))
                .isEqualTo(new RecordError("DUPLICATE_VALUE", "Already a campaign member.", List.of()));
        assertThat(BulkErrors.parse("garbage").statusCode()).isEqualTo("UNKNOWN");
    }
}
