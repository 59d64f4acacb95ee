/**
 * Diary: the patient's record of pain and side effects after an injection, reached by a secure link without
 * an account, read into a diagnostic or therapeutic response, and summarised to the referrer. Starts an
 * episode when a procedure is signed ({@code ProcedureCompleted}); publishes {@link DiaryReadingUpdated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Diary")
package org.synovia.diary;
