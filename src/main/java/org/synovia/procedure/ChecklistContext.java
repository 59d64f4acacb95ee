package org.synovia.procedure;

/**
 * The facts about this patient and procedure that decide which checklist items apply.
 *
 * @param ionising guidance by X-ray or CT, so pregnancy status must be checked (facts 4A, IR-01)
 * @param inrNeeded the medication plan asks for an INR before the injection
 */
public record ChecklistContext(boolean onAntithrombotic, boolean inrNeeded, boolean ionising, boolean diabetic) {
}
