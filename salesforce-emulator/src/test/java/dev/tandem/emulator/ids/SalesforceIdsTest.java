package dev.tandem.emulator.ids;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @Test
    void checksumMatchesTheDocumentedPairs() {
        assertThat(SalesforceIds.to18("001D000000IqhSL")).isEqualTo("001D000000IqhSLIAZ");
        assertThat(SalesforceIds.to18("00558000001N0Ke")).isEqualTo("00558000001N0KeAAK");
    }

    @Test
    void validatesEighteenCharacterIds() {
        assertThat(SalesforceIds.isValid18("001D000000IqhSLIAZ")).isTrue();
        assertThat(SalesforceIds.isValid18("001D000000IqhSLIAA")).isFalse();
        assertThat(SalesforceIds.isValid18("001D000000IqhSL")).isFalse();
    }

    @Test
    void normalizesFifteenToEighteenAndRejectsGarbage() {
        assertThat(SalesforceIds.normalize("001D000000IqhSL")).isEqualTo("001D000000IqhSLIAZ");
        assertThat(SalesforceIds.normalize("001D000000IqhSLIAZ")).isEqualTo("001D000000IqhSLIAZ");
        assertThat(SalesforceIds.normalize("001D000000IqhSLAAA")).isNull();
        assertThat(SalesforceIds.normalize("not an id")).isNull();
        assertThat(SalesforceIds.normalize("001D000000IqhS")).isNull();
    }

    @Test
    void repairsTheCaseOfAFoldedEighteenCharacterId() {
        assertThat(SalesforceIds.normalize("001d000000iqhsliaz")).isEqualTo("001D000000IqhSLIAZ");
        assertThat(SalesforceIds.normalize("00558000001N0KeAAK".toUpperCase())).isEqualTo("00558000001N0KeAAK");
    }

    @Test
    void generatedIdsCarryTheKeyPrefixAndAValidChecksum() {
        String id = new IdGenerator(1_000_000_000L).next("00v");
        assertThat(id).startsWith("00v5g0").hasSize(18);
        assertThat(SalesforceIds.isValid18(id)).isTrue();
    }

    @Property
    void everyFifteenCharacterIdRoundTripsThroughCaseFolding(@ForAll("ids15") String id15) {
        String id18 = SalesforceIds.to18(id15);
        assertThat(SalesforceIds.isValid18(id18)).isTrue();
        assertThat(SalesforceIds.normalize(id18.toLowerCase())).isEqualTo(id18);
    }

    @Property
    void generatedIdsAreValidAndGrowWithTheCounter(@ForAll("counters") long counter) {
        String a = IdGenerator.forCounter("701", counter);
        String b = IdGenerator.forCounter("701", counter + 1);
        assertThat(SalesforceIds.isValid18(a)).isTrue();
        assertThat(a.substring(0, 15)).isLessThan(b.substring(0, 15));
    }

    @Provide
    Arbitrary<String> ids15() {
        return Arbitraries.strings().withChars("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
                .ofLength(15);
    }

    @Provide
    Arbitrary<Long> counters() {
        return Arbitraries.longs().between(0, 62L * 62 * 62 * 62 * 62 * 62 * 62 * 62 - 2);
    }
}
