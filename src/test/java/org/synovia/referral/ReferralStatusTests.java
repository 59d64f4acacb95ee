package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ReferralStatusTests {

    @ParameterizedTest
    @CsvSource({
            "SUBMITTED, IN_VETTING, true",
            "SUBMITTED, ACCEPTED, true",
            "SUBMITTED, WITHDRAWN, true",
            "SUBMITTED, BOOKED, false",
            "IN_VETTING, MORE_INFORMATION_REQUESTED, true",
            "MORE_INFORMATION_REQUESTED, IN_VETTING, true",
            "MORE_INFORMATION_REQUESTED, ACCEPTED, false",
            "ACCEPTED, WAITING, true",
            "WAITING, BOOKED, true",
            "BOOKED, DONE, true",
            "BOOKED, WAITING, true",
            "DONE, WITHDRAWN, false",
            "REJECTED, IN_VETTING, false"})
    void allowsOnlyThePathwaysTransitions(ReferralStatus from, ReferralStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"REJECTED", "DONE", "WITHDRAWN"})
    void endsInRejectedDoneOrWithdrawn(ReferralStatus status) {
        assertThat(status.isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"REJECTED", "DONE", "WITHDRAWN"}, mode = EnumSource.Mode.EXCLUDE)
    void canBeWithdrawnUntilItEnds(ReferralStatus status) {
        assertThat(status.canMoveTo(ReferralStatus.WITHDRAWN)).isTrue();
    }
}
