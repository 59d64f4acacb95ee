package org.synovia.fhir.server;

import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the FHIR servlet (HAPI's model of every R4 resource type our providers serve) in the background once the
 * application is ready, instead of during start-up (ADR 0092). Until it is built, a FHIR call that arrives first
 * builds it and waits for it; Tomcat builds a servlet once, whoever asks first.
 */
@Component
class FhirServletWarmUp {

    static final String SERVLET_NAME = "fhir";
    private static final Logger log = LoggerFactory.getLogger(FhirServletWarmUp.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        Wrapper servlet = fhirServlet(event.getApplicationContext());
        if (servlet == null) {
            return; // FHIR switched off (synovia.fhir.enabled=false) or not on Tomcat
        }
        Thread.ofPlatform().name("fhir-warm-up").daemon(true).start(() -> {
            long start = System.nanoTime();
            try {
                servlet.load();
                log.info("FHIR servlet ready in the background in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (Exception e) {
                // Not fatal: the first FHIR call tries again and answers with the error itself.
                log.warn("FHIR servlet could not be built in the background; the first FHIR call will try again", e);
            }
        });
    }

    /** Tomcat's holder of the FHIR servlet, or null when there is none. */
    static Wrapper fhirServlet(Object applicationContext) {
        if (!(applicationContext instanceof WebServerApplicationContext web)
                || !(web.getWebServer() instanceof TomcatWebServer tomcat)) {
            return null;
        }
        for (Container context : tomcat.getTomcat().getHost().findChildren()) {
            if (context.findChild(SERVLET_NAME) instanceof Wrapper wrapper) {
                return wrapper;
            }
        }
        return null;
    }
}
