package org.synovia.referral.web;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.synovia.catalogue.InjectionSite;
import org.synovia.referral.Intent;
import org.synovia.referral.ReferralFilter;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Urgency;
import org.synovia.shared.web.OptionHtml;

/**
 * The options of the referral list's four filters, the chosen one selected, drawn in Java with every value escaped
 * instead of three template expressions per option (ADR 0121).
 */
public record ReferralFilterOptions(String statuses, String sites, String urgencies, String intents) {

    static ReferralFilterOptions of(ReferralFilter filter, List<InjectionSite> sites) {
        return new ReferralFilterOptions(
                OptionHtml.of(Arrays.asList(ReferralStatus.values()), String::valueOf, ReferralStatus::label,
                        s -> s == filter.status()),
                OptionHtml.of(sites, InjectionSite::code, InjectionSite::name,
                        s -> Objects.equals(s.code(), filter.siteCode())),
                OptionHtml.of(Arrays.asList(Urgency.values()), String::valueOf, Urgency::label,
                        u -> u == filter.urgency()),
                OptionHtml.of(Arrays.asList(Intent.values()), String::valueOf, Intent::label,
                        i -> i == filter.intent()));
    }
}
