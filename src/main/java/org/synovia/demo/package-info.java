/**
 * Demo mode ({@code synovia.demo.enabled=true}, the README's run command): demo staff accounts with
 * a published password, synthetic patients (NHS numbers in the 999 test range) and referrals, and today's
 * procedure list with a patient at each stage ({@link org.synovia.demo.DemoDay}, ADR 0083).
 * Never active in a production start. Owns no tables; writes through the other modules' façades.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.synovia.demo;
