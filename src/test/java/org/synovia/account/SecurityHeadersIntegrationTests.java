package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;

/** Headers a browser needs to protect the pages, and a proxy's headers believed only when configured. */
@SynoviaIntegrationTest
class SecurityHeadersIntegrationTests {

    @Autowired MockMvc mvc;
    @LocalServerPort int port;

    @Test
    void limitsReferrersAndDeviceAccessOnEveryPage() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Permissions-Policy", "camera=(), microphone=(), geolocation=()"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/api/v1/openapi.yaml"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void asksForHttpsOnlyOnASecureRequest() throws Exception {
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", Matchers.allOf(
                        Matchers.containsString("max-age=31536000"), Matchers.containsString("includeSubDomains"))));
    }

    @Test
    void neitherReflectsAForgedHostNorBelievesForwardedHeadersByDefault() throws IOException {
        String response = rawGet("/admin/users", "Host: attacker.example\r\nX-Forwarded-Proto: https\r\n"
                + "X-Forwarded-Host: attacker.example\r\nX-Forwarded-For: 203.0.113.9\r\n");

        assertThat(response).startsWith("HTTP/1.1 302");
        assertThat(response).containsIgnoringCase("\r\nLocation: /login\r\n").doesNotContain("attacker.example");
        assertThat(response).doesNotContainIgnoringCase("Strict-Transport-Security");
        assertThat(response).containsIgnoringCase("Set-Cookie: JSESSIONID=").doesNotContainIgnoringCase("; Secure");
    }

    private String rawGet(String path, String headers) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
