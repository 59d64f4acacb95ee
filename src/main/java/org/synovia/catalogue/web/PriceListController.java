package org.synovia.catalogue.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.catalogue.Catalogue;
import org.synovia.catalogue.ProcedurePrices;
import org.synovia.shared.Guidance;
import org.synovia.shared.web.FlashMessages;

/** The price list for self-paying and insured patients: the administrator sets prices, booking staff read them. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'BOOKING')")
class PriceListController {

    private final ProcedurePrices prices;
    private final Catalogue catalogue;
    private final java.time.Clock clock;

    PriceListController(ProcedurePrices prices, Catalogue catalogue, java.time.Clock clock) {
        this.clock = clock;
        this.prices = prices;
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/prices")
    String list(Model model) {
        model.addAttribute("current", prices.current());
        model.addAttribute("history", prices.history());
        model.addAttribute("sites", catalogue.sites());
        model.addAttribute("guidances", Guidance.values());
        model.addAttribute("zone", clock.getZone());
        return "catalogue/prices";
    }

    @PostMapping("/admin/prices")
    @PreAuthorize("hasRole('ADMIN')")
    String set(@RequestParam(name = "siteCode", required = false) String siteCode,
            @RequestParam(name = "guidance", required = false) Guidance guidance,
            @RequestParam(name = "price", required = false) String price,
            @RequestParam(name = "note", required = false) String note, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Price saved; the earlier price stays in the history.",
                () -> prices.set(siteCode, guidance, price, note));
        return "redirect:/admin/prices";
    }
}
