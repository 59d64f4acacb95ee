package org.synovia.safety;

/** What is known of pregnancy (facts PG-01..07, CI-11, CI-12). */
public enum PregnancyStatus {
    /** No childbearing potential. */
    NOT_APPLICABLE, NOT_PREGNANT, POSSIBLE, PREGNANT,
    /** Nobody answered: not "no". Childbearing potential is then judged by age unless answered (PG-01). */
    NOT_RECORDED
}
