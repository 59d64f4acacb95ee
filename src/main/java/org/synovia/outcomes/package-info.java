/**
 * Outcomes: what the service achieves across patients. Owns the {@code outcome_fact} read model (one row per
 * signed procedure), filled from {@code ProcedureCompleted} and {@code DiaryReadingUpdated} and rebuilt from
 * the records on demand; shows duration of relief as Kaplan–Meier curves, response and complication rates,
 * waiting times and volumes on {@code /outcomes} with a CSV export. The {@code synthetic} sub-package fills a
 * database with realistic synthetic data for demonstrations and performance measurements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outcomes")
package org.synovia.outcomes;
