package org.synovia.referral;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.synovia.account.UserAccount;

/** The referral form as a browser posts it: complete field sets, and the post itself with fields overridden. */
public final class ReferralForms {

    private ReferralForms() {
    }

    /** A complete diagnostic right-hip referral: no medicines, no allergies, no diabetes, a new submission key. */
    public static Map<String, String> rightHip(UUID patientId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("submissionKey", UUID.randomUUID().toString());
        fields.put("patientId", patientId.toString());
        fields.put("siteCode", "HIP_JOINT");
        fields.put("laterality", "RIGHT");
        fields.put("intent", "DIAGNOSTIC");
        fields.put("indication", "OSTEOARTHRITIS");
        fields.put("clinicalQuestion", "Is the hip the pain source?");
        fields.put("noKnownAllergies", "true");
        fields.put("diabetes", "NONE");
        fields.put("pregnancy", "NOT_APPLICABLE");
        fields.put("weightKg", "72.5");
        fields.put("urgency", "ROUTINE");
        fields.put("referrerName", "Dr Test");
        fields.put("referrerOrganisation", "Test Hospital");
        return fields;
    }

    /**
     * The form posted to {@code path} by {@code referrer}: {@code fields}, then each override pair (name, value)
     * replacing a field or adding it; an empty value blanks it.
     */
    public static MockHttpServletRequestBuilder posted(String path, UserAccount referrer, Map<String, String> fields,
            String... overrides) {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        for (int i = 0; i < overrides.length; i += 2) {
            sent.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path).with(user(referrer.username()).roles("REFERRER")).with(csrf());
        sent.forEach(request::param);
        return request;
    }
}
