package org.synovia.booking.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.synovia.SynoviaIntegrationTest;

/** The page where a patient types the code from a printed booking invitation, without signing in. */
@SynoviaIntegrationTest
class BookingCodeIntegrationTests {

    @Autowired MockMvc mvc;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void asksForTheCodeWithoutSigningIn() throws Exception {
        mvc.perform(get("/choose-appointment")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Code from your letter")));
    }

    @Test
    void saysAWrongCodeOpensNothingAndRefusesAnAddressAfterFiveWrongCodes() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/choose-appointment").param("code", "ZZZZ-ZZZ" + i).with(csrf()).with(from("192.0.2.55")))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("This code does not open a booking")));
        }

        mvc.perform(post("/choose-appointment").param("code", "ZZZZ-ZZZ9").with(csrf()).with(from("192.0.2.55")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        mvc.perform(post("/choose-appointment").param("code", "not a code").with(csrf()).with(from("192.0.2.56")))
                .andExpect(status().isUnprocessableContent());
    }
}
