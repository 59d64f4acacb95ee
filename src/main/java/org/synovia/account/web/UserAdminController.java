package org.synovia.account.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.account.NewUserAccount;
import org.synovia.account.Role;
import org.synovia.account.SecondFactors;
import org.synovia.account.StaffAccountFilter;
import org.synovia.account.StaffAccountPage;
import org.synovia.account.StaffGrade;
import org.synovia.account.UserAccounts;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.web.FormErrors;
import org.synovia.shared.web.FlashMessages;

@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private final UserAccounts accounts;
    private final SecondFactors secondFactors;

    UserAdminController(UserAccounts accounts, SecondFactors secondFactors) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
    }

    @ModelAttribute("allRoles")
    Role[] roles() {
        return Role.values();
    }

    @ModelAttribute("allGrades")
    StaffGrade[] grades() {
        return StaffGrade.values();
    }

    /**
     * One page of the accounts, in name order, narrowed by words, a role and whether they are active (ADR 0125): a
     * trust's shared instance holds more staff than one page can show and a browser can check.
     */
    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "role", required = false) String role,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "position", defaultValue = "1") int position, Model model) {
        model.addAttribute("userForm", new UserForm());
        showList(model, text, role, status, after, position);
        return "account/users";
    }

    private void showList(Model model, String text, String role, String status, String after, int position) {
        StaffAccountFilter filter;
        try {
            filter = new StaffAccountFilter(text, role == null || role.isBlank() ? null : Role.valueOf(role), active(status));
        }
        catch (IllegalArgumentException e) {
            model.addAttribute("problem", "Choose a role and a status from the lists; all accounts are shown.");
            filter = StaffAccountFilter.any();
            after = null;
        }
        String start = after == null || after.isBlank() ? null : after;
        StaffAccountPage page = accounts.page(filter, start);
        // "position" only numbers the rows shown ("26–50 of 180"); the cursor alone decides which accounts they are.
        int first = start == null ? 1 : Math.max(1, position);
        model.addAttribute("filter", filter);
        model.addAttribute("users", page.accounts());
        model.addAttribute("locked", page.lockedOut());
        model.addAttribute("secondFactorOn", page.secondFactorOn());
        model.addAttribute("total", page.total());
        model.addAttribute("pages", StaffAccountPages.of(filter, first, page.accounts().size(), page.total(),
                page.nextAfter(), start != null));
        model.addAttribute("back", StaffAccountPages.back(filter, start, first));
    }

    private static Boolean active(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status) {
            case "active" -> true;
            case "disabled" -> false;
            default -> throw new IllegalArgumentException("status " + status);
        };
    }

    @PostMapping
    String create(@ModelAttribute UserForm userForm, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            accounts.create(new NewUserAccount(userForm.getUsername(), userForm.getDisplayName(), userForm.getEmail(),
                    userForm.getOrganisation(), userForm.getRoles(), userForm.getGrade(), userForm.getPassword()), CurrentUser.username());
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            showList(model, null, null, null, null, 1);
            return "account/users";
        }
        String username = userForm.getUsername().trim().toLowerCase();
        redirect.addFlashAttribute("notice", "Account '" + username + "' created.");
        return StaffAccountPages.redirectTo(username);
    }

    /** Disabling ends the person's sessions (#15); nobody disables themselves or the last active administrator. */
    @PostMapping("/{username}/enabled")
    String setEnabled(@PathVariable("username") String username, @RequestParam("enabled") boolean enabled,
            @RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Account '" + username + "' " + (enabled ? "enabled." : "disabled; its sessions are ended."),
                () -> accounts.setEnabled(username, enabled));
        return StaffAccountPages.redirectBack(back);
    }

    /** The person's roles as ticked; their sessions end so that the change holds at once. */
    @PostMapping("/{username}/roles")
    String setRoles(@PathVariable("username") String username,
            @RequestParam(name = "roles", required = false) List<String> roles,
            @RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        try {
            (roles == null ? List.<String>of() : roles).forEach(r -> chosen.add(Role.valueOf(r)));
        }
        catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "Choose roles from the list.");
            return StaffAccountPages.redirectBack(back);
        }
        FlashMessages.attempt(redirect, "Roles of '" + username + "' changed; they sign in again to use them.",
                () -> accounts.setRoles(username, chosen));
        return StaffAccountPages.redirectBack(back);
    }

    /** The grade decides what a clinician may override (ADR 0035); blank removes it. */
    @PostMapping("/{username}/grade")
    String setGrade(@PathVariable("username") String username, @RequestParam(name = "grade", required = false) String grade,
            @RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
        StaffGrade chosen;
        try {
            chosen = grade == null || grade.isBlank() ? null : StaffGrade.valueOf(grade);
        }
        catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "Choose a grade from the list.");
            return StaffAccountPages.redirectBack(back);
        }
        FlashMessages.attempt(redirect, "Grade of '" + username + "' set to "
                + (chosen == null ? "none" : chosen.label().toLowerCase()) + ".", () -> accounts.setGrade(username, chosen));
        return StaffAccountPages.redirectBack(back);
    }

    /** The registration printed under the person's signature (ADR 0082); no register chosen removes it. */
    @PostMapping("/{username}/registration")
    String setRegistration(@PathVariable("username") String username,
            @RequestParam(name = "register", required = false) String register,
            @RequestParam(name = "registrationNumber", required = false) String number,
            @RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
        org.synovia.account.ProfessionalRegistration registration;
        try {
            registration = register == null || register.isBlank() ? null : new org.synovia.account.ProfessionalRegistration(
                    org.synovia.account.ProfessionalRegister.valueOf(register), number);
        }
        catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "Choose a register from the list.");
            return StaffAccountPages.redirectBack(back);
        }
        catch (org.synovia.shared.InvalidInputException e) {
            redirect.addFlashAttribute("problem", "Registration of '" + username + "' not changed: "
                    + e.problems().getFirst().message());
            return StaffAccountPages.redirectBack(back);
        }
        FlashMessages.attempt(redirect, "Registration of '" + username + "' set to "
                + (registration == null ? "none" : registration.printed()) + ".",
                () -> accounts.setRegistration(username, registration));
        return StaffAccountPages.redirectBack(back);
    }

    @ModelAttribute("allRegisters")
    org.synovia.account.ProfessionalRegister[] registers() {
        return org.synovia.account.ProfessionalRegister.values();
    }

    /** Lifts a lock after repeated refused sign-ins (ADR 0052) at once, instead of after its 15 minutes. */
    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable("username") String username,
            @RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Sign-in lock of '" + username + "' lifted.", () -> accounts.unlock(username));
        return StaffAccountPages.redirectBack(back);
    }

    /** For a lost or replaced phone: the person sets a second factor up again (ADR 0061). */
    @PostMapping("/{username}/second-factor/reset")
    String resetSecondFactor(@PathVariable("username") String username,
            @RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Second factor of '" + username + "' reset.", () -> secondFactors.reset(username));
        return StaffAccountPages.redirectBack(back);
    }

    @PostMapping("/{username}/password")
    String resetPassword(@PathVariable("username") String username, @RequestParam("password") String password,
            @RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Password of '" + username + "' changed.",
                () -> accounts.resetPassword(username, password));
        return StaffAccountPages.redirectBack(back);
    }

    public static class UserForm {
        private String username;
        private String displayName;
        private String email;
        private String organisation;
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private StaffGrade grade;
        private String password;

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getOrganisation() { return organisation; }
        public void setOrganisation(String organisation) { this.organisation = organisation; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> roles) { this.roles = roles; }
        public StaffGrade getGrade() { return grade; }
        public void setGrade(StaffGrade grade) { this.grade = grade; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }
}
