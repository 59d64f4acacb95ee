package org.synovia.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.synovia.journey.Journeys;
import org.synovia.shared.CurrentUser;

@Controller
class HomeController {

    private final Journeys journeys;

    HomeController(Journeys journeys) {
        this.journeys = journeys;
    }

    @GetMapping("/")
    String home(Model model) {
        if (CurrentUser.hasRole("REFERRER")) {
            model.addAttribute("news", journeys.news());
        }
        return "home";
    }
}
