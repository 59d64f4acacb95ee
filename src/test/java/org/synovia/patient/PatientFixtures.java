package org.synovia.patient;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.synovia.shared.Sex;

/** Synthetic, obviously fake patients. NHS numbers come from the 999 test range. */
public final class PatientFixtures {

    private PatientFixtures() {
    }

    /** The next nine digits to try, counting down from the top of the 999 test range (the database is new per JVM). */
    private static final AtomicLong NEXT_NHS = new AtomicLong(999_999_999L);

    /**
     * A valid NHS number not used before in this JVM. Counted, not drawn at random: a thousand random draws from
     * the 909,000 valid test numbers collide more often than not.
     */
    public static String uniqueNhsNumber() {
        while (true) {
            String nine = Long.toString(NEXT_NHS.getAndDecrement());
            int check = NhsNumber.checkDigit(nine + "0");
            if (check >= 0) {
                return nine + check;
            }
        }
    }

    public static String uniqueFamilyName() {
        StringBuilder name = new StringBuilder("Testperson");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    public static NewPatient adult() {
        return new NewPatient(uniqueNhsNumber(), null, uniqueFamilyName(), "Alex", LocalDate.of(1970, 3, 14), Sex.FEMALE,
                "07700 900123", "alex@example.com", "Dr Example", "Example Surgery", address());
    }

    /** An obviously fake address: the ZZ postcode area does not exist. */
    public static PostalAddress address() {
        return new PostalAddress(java.util.List.of("1 Test Street", "Testfield"), "Testville", "zz1 1ts");
    }
}
