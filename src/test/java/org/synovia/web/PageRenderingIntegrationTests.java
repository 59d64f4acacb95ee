package org.synovia.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.web.servlet.DispatcherServlet;
import org.synovia.SynoviaIntegrationTest;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** How every page is drawn and what each request pays for besides its own work (ADR 0105). */
@SynoviaIntegrationTest
class PageRenderingIntegrationTests {

    @Autowired ThymeleafViewResolver views;
    @Autowired SecurityObservationSettings securityObservations;
    @Autowired DispatcherServlet dispatcherServlet;

    @Test
    void drawsEachPageWholeBeforeSendingIt() {
        // A page that fails half way shows the error page, never the first rows of a list that looks complete (HAZ-134).
        assertThat(views.getProducePartialOutputWhileProcessing()).isFalse();
    }

    @Test
    void doesNotObserveEachSecurityFilterAndDecision() {
        assertThat(securityObservations.shouldObserveRequests()).isFalse();
        assertThat(securityObservations.shouldObserveAuthorizations()).isFalse();
        assertThat(securityObservations.shouldObserveAuthentications()).isFalse();
    }

    @Test
    void doesNotAnnounceEachHandledRequestAsAnEvent() {
        // Nothing listens to it, and the event multicaster still looked for listeners on every request (ADR 0121).
        assertThat(dispatcherServlet).extracting("publishEvents").isEqualTo(false);
    }
}
