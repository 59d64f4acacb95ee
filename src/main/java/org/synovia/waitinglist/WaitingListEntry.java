package org.synovia.waitinglist;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.synovia.shared.Guidance;

/**
 * One patient waiting, as the waiting list shows them.
 *
 * @param fundingStatus what vetting's commissioning policy found
 * @param funding where funding stands today: whether the patient may be booked and injected (ADR 0072)
 */
public record WaitingListEntry(UUID referralId, UUID patientId, String patientName, String nhsNumber, String siteName,
        String laterality, Guidance guidance, Priority priority, WaitingStandard standard, LocalDate clockStart,
        int targetWeeks, LocalDate breachDate, LocalDate earliestDate, LocalDate latestDate, String dateConstraints,
        LocalDate unavailableFrom, LocalDate unavailableTo, FundingStatus fundingStatus, String operatorGrade,
        boolean oneStopEligible, FundingClearance funding, String siteCode) {

    /** An entry whose funding was not read (tests of the breach arithmetic). */
    public WaitingListEntry(UUID referralId, UUID patientId, String patientName, String nhsNumber, String siteName,
            String laterality, Guidance guidance, Priority priority, WaitingStandard standard, LocalDate clockStart,
            int targetWeeks, LocalDate breachDate, LocalDate earliestDate, LocalDate latestDate, String dateConstraints,
            LocalDate unavailableFrom, LocalDate unavailableTo, FundingStatus fundingStatus, String operatorGrade,
            boolean oneStopEligible) {
        this(referralId, patientId, patientName, nhsNumber, siteName, laterality, guidance, priority, standard, clockStart,
                targetWeeks, breachDate, earliestDate, latestDate, dateConstraints, unavailableFrom, unavailableTo,
                fundingStatus, operatorGrade, oneStopEligible,
                FundingClearance.of(fundingStatus, Payer.NHS, null, null, clockStart), null);
    }

    public long daysToBreach(LocalDate today) {
        return ChronoUnit.DAYS.between(today, breachDate);
    }

    public long weeksWaited(LocalDate today) {
        return ChronoUnit.WEEKS.between(clockStart, today);
    }

    public BreachRisk breachRisk(LocalDate today, int nearBreachDays) {
        return breachRisk(breachDate, today, nearBreachDays);
    }

    /** Past the breach date, within {@code nearBreachDays} of it, or further away. */
    static BreachRisk breachRisk(LocalDate breachDate, LocalDate today, int nearBreachDays) {
        long days = ChronoUnit.DAYS.between(today, breachDate);
        if (days < 0) {
            return BreachRisk.BREACHED;
        }
        return days <= nearBreachDays ? BreachRisk.NEAR : BreachRisk.WITHIN;
    }

    public enum BreachRisk { BREACHED, NEAR, WITHIN }
}
