package org.synovia.fhir.server;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.audit.AuditTrail;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;

/** HAPI's plain RESTful server at {@code /fhir/*}, answering JSON unless the client asks for XML. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "synovia.fhir", name = "enabled", havingValue = "true", matchIfMissing = true)
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext fhir, List<IResourceProvider> providers, AuditTrail audit,
            TransactionTemplate transactions, ReferralTransaction referralTransaction, CallAudit calls) {
        RestfulServer server = new RestfulServer(fhir);
        server.setServerName("Synovia FHIR API");
        server.setImplementationDescription("Image-guided joint and soft-tissue injection service");
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setResourceProviders(providers);
        server.registerProvider(referralTransaction);
        server.registerInterceptor(new ScopeInterceptor(audit, transactions, calls));
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName(FhirServletWarmUp.SERVLET_NAME);
        // Built after readiness by FhirServletWarmUp, not during start-up (ADR 0092).
        registration.setLoadOnStartup(-1);
        return registration;
    }
}
