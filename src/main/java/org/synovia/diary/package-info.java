/**
 * Diary: the patient's record of pain and side effects after an injection, reached by a secure link without
 * an account, read into a diagnostic or therapeutic response, and summarised to the referrer. Starts an
 * episode when a procedure is signed ({@code ProcedureCompleted}); publishes {@link DiaryReadingUpdated}. Four façades
 * (ADR 0096): {@link PatientDiaries} (the patient's link), {@link DiaryAlerts} (red flags for the team),
 * {@link DiaryEpisodes} (the team's and the referrer's reading; the one other modules call) and {@link DiaryJobs}
 * (starting, reminders, summaries, closing).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Diary")
package org.synovia.diary;
