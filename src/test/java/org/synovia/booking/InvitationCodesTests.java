package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvitationCodesTests {

    @Test
    void makesEightCharactersWithoutLettersThatLookLikeOthers() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = InvitationCodes.newCode();
            assertThat(code).hasSize(8).doesNotContainPattern("[ILOU]");
            codes.add(code);
        }
        assertThat(codes).hasSize(1000);
    }

    @ParameterizedTest
    @CsvSource({ "ABCD-EFGH, ABCDEFGH", "abcd efgh, ABCDEFGH", "  7K2M-9QXZ , 7K2M9QXZ", "0OIL-1234, 00111234" })
    void readsACodeAsPeopleTypeIt(String typed, String stored) {
        assertThat(InvitationCodes.normalised(typed)).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "ABCDEFG", "ABCDEFGHJ", "ABCD-EFGU", "ABCD!EFG" })
    void refusesWhatCannotBeACode(String typed) {
        assertThat(InvitationCodes.normalised(typed)).isEmpty();
    }

    @Test
    void printsTheCodeInTwoGroups() {
        assertThat(InvitationCodes.printed("ABCDEFGH")).isEqualTo("ABCD-EFGH");
    }
}
