package org.synovia.vetting;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.synovia.account.UserAccount;
import org.synovia.referral.Referral;

/** The vetting page's accept form as the radiologist's browser posts it. */
final class VettingForms {

    private VettingForms() {
    }

    /** An ultrasound protocol: methylprednisolone 40 mg with 2 mL of lidocaine 1%, a consultant, 20 minutes, routine. */
    static MockHttpServletRequestBuilder acceptUltrasoundInjection(Referral referral, UserAccount radiologist) {
        return post("/vetting/" + referral.id() + "/accept").with(user(radiologist.username()).roles("RADIOLOGIST")).with(csrf())
                .param("guidance", "ULTRASOUND").param("corticosteroid", "Methylprednisolone acetate 40 mg/mL")
                .param("corticosteroidDoseMg", "40").param("localAnaesthetic", "Lidocaine 1%").param("localAnaestheticMl", "2")
                .param("operatorGrade", "CONSULTANT").param("slotMinutes", "20").param("priority", "ROUTINE")
                .param("policySet", "NHS_ENGLAND");
    }
}
