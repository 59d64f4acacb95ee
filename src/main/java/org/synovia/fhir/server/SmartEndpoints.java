package org.synovia.fhir.server;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * The two SMART Backend Services endpoints beside the FHIR API (ADR 0063): the discovery document at
 * {@value #CONFIGURATION_PATH} and the token endpoint at {@value #TOKEN_PATH}. Both are mapped as exact servlet
 * paths, which come before HAPI's {@code /fhir/*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "synovia.fhir", name = "enabled", havingValue = "true", matchIfMissing = true)
class SmartEndpoints {

    static final String CONFIGURATION_PATH = "/fhir/.well-known/smart-configuration";
    static final String TOKEN_PATH = "/fhir/auth/token";

    @Bean
    ServletRegistrationBean<HttpServlet> smartConfigurationServlet(JsonMapper json, SmartProperties properties) {
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("token_endpoint", tokenUrl(request, properties));
                document.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
                document.put("token_endpoint_auth_signing_alg_values_supported",
                        ClientCredentialsGrant.ALGORITHMS.stream().map(a -> a.getName()).toList());
                document.put("grant_types_supported", List.of(ClientCredentialsGrant.GRANT_TYPE));
                document.put("scopes_supported", List.of("system/*.rs", "system/*.cruds", "system/Patient.rs",
                        "system/ServiceRequest.crs", "system/Appointment.rs", "system/Slot.rs", "system/Procedure.rs"));
                document.put("capabilities", List.of("client-confidential-asymmetric", "permission-v2"));
                writeJson(json, response, 200, document);
            }
        };
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(servlet, CONFIGURATION_PATH);
        registration.setName("smartConfiguration");
        return registration;
    }

    @Bean
    ServletRegistrationBean<HttpServlet> smartTokenServlet(JsonMapper json, SmartProperties properties,
            ClientCredentialsGrant grant) {
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Pragma", "no-cache");
                if (request.getContentType() == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(
                        MediaType.parseMediaType(request.getContentType()))) {
                    writeJson(json, response, 400, error("invalid_request",
                            "Send the token request as application/x-www-form-urlencoded."));
                    return;
                }
                try {
                    ClientCredentialsGrant.Granted granted = grant.exchange(request.getParameter("grant_type"),
                            request.getParameter("client_assertion_type"), request.getParameter("client_assertion"),
                            request.getParameter("scope"), tokenUrl(request, properties));
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("access_token", granted.accessToken());
                    answer.put("token_type", "bearer");
                    answer.put("expires_in", granted.expiresIn());
                    answer.put("scope", granted.scope());
                    writeJson(json, response, 200, answer);
                }
                catch (ClientCredentialsGrant.Refused refused) {
                    writeJson(json, response, refused.status(), error(refused.error(), refused.getMessage()));
                }
            }

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setHeader("Allow", "POST");
                writeJson(json, response, 405, error("invalid_request", "POST the token request."));
            }
        };
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(servlet, TOKEN_PATH);
        registration.setName("smartToken");
        return registration;
    }

    /** The token endpoint's URL: configured, or as this request reached us. */
    static String tokenUrl(HttpServletRequest request, SmartProperties properties) {
        if (!properties.tokenUrl().isBlank()) {
            return properties.tokenUrl().strip();
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath()
                + TOKEN_PATH;
    }

    private static Map<String, Object> error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    private static void writeJson(JsonMapper json, HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
