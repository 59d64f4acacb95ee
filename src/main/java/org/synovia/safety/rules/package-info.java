/**
 * The safety rules, one class per rule, and the pure engine that runs them ({@link
 * org.synovia.safety.rules.SafetyEngine}). Internal to the safety module: other modules call
 * {@link org.synovia.safety.SafetyChecks}. No Spring, no database, no clock in here.
 */
package org.synovia.safety.rules;
