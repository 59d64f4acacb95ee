package org.synovia.procedure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.synovia.shared.InvalidInputException;

/**
 * One patient's NatSSIPs checklist: the steps confirmed and the discrepancies raised. Steps go in order and
 * none is skipped; time-out is not done while a discrepancy is open (facts NS-04), nor is any other step. The
 * hospital's own checks (LocSSIPs, facts NS-01) are added to a step; they never replace a NatSSIPs item.
 */
public record Checklist(ChecklistContext context, List<Confirmation> confirmations, List<Discrepancy> discrepancies,
        List<ChecklistCheck> localChecks) {

    public Checklist {
        confirmations = List.copyOf(confirmations);
        discrepancies = List.copyOf(discrepancies);
        localChecks = List.copyOf(localChecks);
    }

    /** A checklist with the NatSSIPs items only. */
    public Checklist(ChecklistContext context, List<Confirmation> confirmations, List<Discrepancy> discrepancies) {
        this(context, confirmations, discrepancies, List.of());
    }

    /** The hospital's checks from configuration, numbered per step as shown. */
    static List<ChecklistCheck> localChecks(ProcedureProperties.LocalChecks configured) {
        List<ChecklistCheck> checks = new ArrayList<>();
        for (ChecklistStep step : ChecklistStep.values()) {
            List<String> texts = configured.of(step);
            for (int i = 0; i < texts.size(); i++) {
                checks.add(ChecklistCheck.local(step, i + 1, texts.get(i)));
            }
        }
        return checks;
    }

    /** The next step to confirm, or empty when sign-out is done. */
    public Optional<ChecklistStep> next() {
        return Arrays.stream(ChecklistStep.values())
                .filter(step -> confirmations.stream().noneMatch(c -> c.step() == step)).findFirst();
    }

    /** The NatSSIPs items of a step that apply to this patient. */
    public List<ChecklistItem> items(ChecklistStep step) {
        return Arrays.stream(ChecklistItem.values()).filter(i -> i.step() == step && i.appliesTo(context)).toList();
    }

    /** Everything to confirm at a step: the NatSSIPs items that apply, then the local checks. */
    public List<ChecklistCheck> checks(ChecklistStep step) {
        List<ChecklistCheck> checks = new ArrayList<>(items(step).stream().map(ChecklistCheck::of).toList());
        localChecks.stream().filter(c -> c.step() == step).forEach(checks::add);
        return checks;
    }

    public List<Discrepancy> open() {
        return discrepancies.stream().filter(d -> d.resolvedAt() == null).toList();
    }

    public boolean stopped() {
        return !open().isEmpty();
    }

    public boolean complete() {
        return next().isEmpty();
    }

    /** Refuses, with the reason beside the checklist, a step out of order, with an open discrepancy, or with an item unticked. */
    void checkConfirmable(ChecklistStep step, Set<String> ticked) {
        if (stopped()) {
            throw new InvalidInputException("items", "A discrepancy is open: resolve it before going on ("
                    + open().getFirst().description() + ").");
        }
        ChecklistStep expected = next().orElseThrow(() -> new InvalidInputException("items", "The checklist is complete."));
        if (step != expected) {
            throw new InvalidInputException("items", expected.label() + " comes next; steps cannot be skipped or repeated.");
        }
        List<ChecklistCheck> shown = checks(step);
        ticked.stream().filter(code -> shown.stream().noneMatch(c -> c.code().equals(code))).findFirst().ifPresent(code -> {
            throw new InvalidInputException("items", "'" + code + "' is not a check of the " + step.label().toLowerCase() + ".");
        });
        List<String> missing = new ArrayList<>();
        shown.stream().filter(c -> !ticked.contains(c.code())).forEach(c -> missing.add(c.text()));
        if (!missing.isEmpty()) {
            throw new InvalidInputException("items", "Confirm every check, or record a discrepancy. Not confirmed: "
                    + String.join("; ", missing) + ".");
        }
    }

    /** @param items the items confirmed, each as "CODE: text shown" */
    public record Confirmation(ChecklistStep step, List<String> items, Instant confirmedAt, String confirmedBy) {
        public Confirmation {
            items = List.copyOf(items);
        }
    }

    public record Discrepancy(UUID id, ChecklistStep step, String description, Instant raisedAt, String raisedBy,
            String resolution, Instant resolvedAt, String resolvedBy) {
    }
}
