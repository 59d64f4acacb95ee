package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.InvalidInputException;

class ChecklistTests {

    private static final ChecklistContext PLAIN = new ChecklistContext(false, false, false, false);

    private static Set<String> all(Checklist checklist, ChecklistStep step) {
        return new java.util.HashSet<>(checklist.checks(step).stream().map(ChecklistCheck::code).toList());
    }

    @ParameterizedTest(name = "[{index}] anticoagulant={0} inr={1} ionising={2} diabetic={3}")
    @CsvSource(textBlock = """
            false, false, false, false, 5
            true,  false, false, false, 6
            true,  true,  false, false, 7
            false, false, true,  false, 6
            false, false, false, true,  6
            true,  true,  true,  true,  9
            """)
    void asksTheSignInItemsThatApplyToThePatient(boolean anticoagulant, boolean inr, boolean ionising, boolean diabetic,
            int items) {
        Checklist checklist = new Checklist(new ChecklistContext(anticoagulant, inr, ionising, diabetic), List.of(), List.of());

        assertThat(checklist.items(ChecklistStep.SIGN_IN)).hasSize(items);
        assertThat(checklist.items(ChecklistStep.SIGN_IN).contains(ChecklistItem.PREGNANCY)).isEqualTo(ionising);
        assertThat(checklist.items(ChecklistStep.SIGN_IN).contains(ChecklistItem.GLUCOSE)).isEqualTo(diabetic);
    }

    @Test
    void refusesToSkipTheSignIn() {
        Checklist checklist = new Checklist(PLAIN, List.of(), List.of());

        assertThatThrownBy(() -> checklist.checkConfirmable(ChecklistStep.TIME_OUT, all(checklist, ChecklistStep.TIME_OUT)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Sign-in comes next");
    }

    @Test
    void refusesAStepWithAnItemUnticked() {
        Checklist checklist = new Checklist(PLAIN, List.of(), List.of());
        Set<String> ticked = all(checklist, ChecklistStep.SIGN_IN);
        ticked.remove(ChecklistItem.SITE_MARKED.name());

        assertThatThrownBy(() -> checklist.checkConfirmable(ChecklistStep.SIGN_IN, ticked))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Site and side confirmed and marked");
    }

    @Test
    void refusesEveryStepWhileADiscrepancyIsOpenAndGoesOnOnceResolved() {
        Checklist.Confirmation signIn = new Checklist.Confirmation(ChecklistStep.SIGN_IN, List.of("IDENTITY"), Instant.EPOCH, "nurse");
        Checklist.Discrepancy open = new Checklist.Discrepancy(UUID.randomUUID(), ChecklistStep.TIME_OUT,
                "Consent form says left; patient says right", Instant.EPOCH, "nurse", null, null, null);
        Checklist stopped = new Checklist(PLAIN, List.of(signIn), List.of(open));
        Checklist resolved = new Checklist(PLAIN, List.of(signIn), List.of(new Checklist.Discrepancy(open.id(), open.step(),
                open.description(), open.raisedAt(), open.raisedBy(), "Referrer confirmed right", Instant.EPOCH, "radiologist")));

        assertThat(stopped.stopped()).isTrue();
        assertThatThrownBy(() -> stopped.checkConfirmable(ChecklistStep.TIME_OUT, all(stopped, ChecklistStep.TIME_OUT)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("discrepancy is open");
        resolved.checkConfirmable(ChecklistStep.TIME_OUT, all(resolved, ChecklistStep.TIME_OUT));
        assertThat(resolved.next()).contains(ChecklistStep.TIME_OUT);
    }

    private static final ProcedureProperties.LocalChecks LOCAL = new ProcedureProperties.LocalChecks(
            List.of("Skin preparation agent confirmed"), List.of(), List.of("Specimen pot counted", "Sharps disposed"));

    @Test
    void addsTheHospitalsOwnChecksAfterTheNatSsipsItemsMarkedLocalAndNeedsThemTicked() {
        Checklist checklist = new Checklist(PLAIN, List.of(), List.of(), Checklist.localChecks(LOCAL));

        assertThat(checklist.checks(ChecklistStep.SIGN_IN)).hasSize(6).last().satisfies(c -> {
            assertThat(c.local()).isTrue();
            assertThat(c.code()).isEqualTo("LOCAL_SIGN_IN_1");
            assertThat(c.asShown()).isEqualTo("LOCAL_SIGN_IN_1: Skin preparation agent confirmed [local check]");
        });
        assertThat(checklist.checks(ChecklistStep.SIGN_IN).subList(0, 5)).noneMatch(ChecklistCheck::local)
                .extracting(ChecklistCheck::code).containsExactly("IDENTITY", "PROCEDURE", "SITE_MARKED", "CONSENT", "ALLERGIES");
        assertThat(checklist.checks(ChecklistStep.TIME_OUT)).noneMatch(ChecklistCheck::local);
        assertThat(checklist.checks(ChecklistStep.SIGN_OUT)).filteredOn(ChecklistCheck::local)
                .extracting(ChecklistCheck::text).containsExactly("Specimen pot counted", "Sharps disposed");
        Set<String> nationalOnly = new java.util.HashSet<>(checklist.items(ChecklistStep.SIGN_IN).stream().map(Enum::name).toList());
        assertThatThrownBy(() -> checklist.checkConfirmable(ChecklistStep.SIGN_IN, nationalOnly))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Not confirmed: Skin preparation agent confirmed");
    }

    @Test
    void refusesACheckThatIsNotShownAtTheStep() {
        Checklist checklist = new Checklist(PLAIN, List.of(), List.of(), Checklist.localChecks(LOCAL));
        Set<String> ticked = all(checklist, ChecklistStep.SIGN_IN);
        ticked.add("TEAM_PRESENT");

        assertThatThrownBy(() -> checklist.checkConfirmable(ChecklistStep.SIGN_IN, ticked))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'TEAM_PRESENT' is not a check of the sign-in");
    }

    @Test
    void refusesALocalCheckWithoutWording() {
        assertThatThrownBy(() -> new ProcedureProperties.LocalChecks(List.of(" "), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("local-checks.sign-in");
    }
}
