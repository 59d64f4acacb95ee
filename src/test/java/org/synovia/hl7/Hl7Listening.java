package org.synovia.hl7;

import org.springframework.context.ApplicationContext;

/** The inbound MLLP listener's port, for tests outside this package that send it messages over loopback. */
public final class Hl7Listening {

    private Hl7Listening() {
    }

    public static int port(ApplicationContext context) {
        return context.getBean(MllpListener.class).port();
    }
}
