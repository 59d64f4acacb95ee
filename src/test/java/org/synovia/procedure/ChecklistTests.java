package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.InvalidInputException;

class ChecklistTests {

    private static final ChecklistContext PLAIN = new ChecklistContext(false, false, false, false);

    private static Set<ChecklistItem> all(Checklist checklist, ChecklistStep step) {
        return EnumSet.copyOf(checklist.items(step));
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
        Set<ChecklistItem> ticked = all(checklist, ChecklistStep.SIGN_IN);
        ticked.remove(ChecklistItem.SITE_MARKED);

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
}
