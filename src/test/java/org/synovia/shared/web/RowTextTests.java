package org.synovia.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class RowTextTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void formatsInTheRequestsLocaleAsTheTemplateDid() {
        LocaleContextHolder.setLocale(Locale.FRANCE);
        assertThat(RowText.format(LocalDate.of(2027, 1, 12), "d MMM yyyy")).isEqualTo("12 janv. 2027");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(RowText.format(LocalDate.of(2027, 1, 12), "EEE d MMM yyyy")).isEqualTo("Tue 12 Jan 2027");
    }

    @Test
    void showsAnInstantOnTheServicesClockNotInUtc() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        Instant summerNoonUtc = Instant.parse("2027-07-01T12:00:00Z");
        assertThat(RowText.format(summerNoonUtc, LONDON, "d MMM yyyy HH:mm")).isEqualTo("1 Jul 2027 13:00");
    }

    @Test
    void writesNothingForAMissingDate() {
        assertThat(RowText.format((LocalDate) null, "d MMM yyyy")).isEmpty();
        assertThat(RowText.format(null, LONDON, "d MMM yyyy HH:mm")).isEmpty();
    }

    @Test
    void putsLinksBehindTheContextPath() {
        assertThat(RowText.link("/referrals/1")).isEqualTo("/referrals/1");
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContextPath("/synovia");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(RowText.link("/referrals/1")).isEqualTo("/synovia/referrals/1");
    }
}
