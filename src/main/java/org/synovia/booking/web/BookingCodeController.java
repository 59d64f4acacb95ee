package org.synovia.booking.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.synovia.booking.BookingInvitations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A patient with a printed booking invitation types its short code here, without signing in, and is taken to the
 * same choice of appointments a booking link opens. Wrong codes are rate-limited (HAZ-112).
 */
@Controller
class BookingCodeController {
    private final BookingInvitations invitations;
    private final BookingCodeLimiter limiter;

    BookingCodeController(BookingInvitations invitations, BookingCodeLimiter limiter) {
        this.invitations = invitations;
        this.limiter = limiter;
    }

    @GetMapping("/choose-appointment")
    String form() {
        return "booking/code";
    }

    @PostMapping("/choose-appointment")
    String enter(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        String address = request.getRemoteAddr();
        if (!limiter.allowed(address)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(limiter.retryAfterSeconds()));
            model.addAttribute("problem", "Too many codes were tried. Please wait " + limiter.retryAfterSeconds() / 60
                    + " minutes and try again, or phone us.");
            return "booking/code";
        }
        var token = invitations.linkForCode(code);
        if (token.isEmpty()) {
            limiter.wrong(address);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", "This code does not open a booking. Check it against your letter (8 letters and "
                    + "numbers); it may have been used already, or have expired.");
            model.addAttribute("code", code == null ? "" : code.substring(0, Math.min(code.length(), 40)));
            return "booking/code";
        }
        return "redirect:/choose-appointment/" + token.get();
    }
}
