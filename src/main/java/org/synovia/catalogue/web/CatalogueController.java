package org.synovia.catalogue.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.synovia.catalogue.Catalogue;

@Controller
class CatalogueController {

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/catalogue/sites")
    String sites(Model model) {
        model.addAttribute("sites", catalogue.sites());
        return "catalogue/sites";
    }
}
