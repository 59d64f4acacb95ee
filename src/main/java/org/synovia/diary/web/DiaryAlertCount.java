package org.synovia.diary.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.synovia.diary.DiaryAlerts;
import org.synovia.shared.CurrentUser;

/** Puts the number of open red-flag alerts beside "Diary alerts" in the navigation of the team's pages. */
@ControllerAdvice(annotations = Controller.class)
class DiaryAlertCount {
    private final DiaryAlerts diaryAlerts;

    DiaryAlertCount(DiaryAlerts diaryAlerts) {
        this.diaryAlerts = diaryAlerts;
    }

    @ModelAttribute("diaryOpenAlerts")
    Integer diaryOpenAlerts() {
        return CurrentUser.hasRole("NURSE") || CurrentUser.hasRole("RADIOLOGIST") ? diaryAlerts.openAlertCount() : null;
    }
}
