package org.civicdesk.identity.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

public class CitizenDetailsTest {
    private static CitizenDetails ion(String firstName, String lastName, String address, String email) {
        return new CitizenDetails("1800101350018", firstName, lastName, address, "+40 722 000 000", email);
    }

    @Test
    public void detailsThatFitTheRegistryPass() {
        CitizenDetails details = ion("Ion", "Popescu", "Str. Zamca 3, Suceava", "ion@example.ro");
        assertSame(details, details.validate());
        new CitizenDetails(null, null, "Popescu", null, null, null).validate();
        ion("I".repeat(CitizenDetails.MAX_FIRST_NAME), "P".repeat(CitizenDetails.MAX_LAST_NAME),
                "S".repeat(CitizenDetails.MAX_ADDRESS), "e".repeat(CitizenDetails.MAX_EMAIL)).validate();
    }

    @Test
    public void eachFieldLongerThanItsColumnIsNamed() {
        assertEquals("firstName", refused(ion("I".repeat(101), "Popescu", null, null)).field());
        assertEquals("lastName", refused(ion("Ion", "P".repeat(100_000), null, null)).field());
        assertEquals("address", refused(ion("Ion", "Popescu", "S".repeat(301), null)).field());
        assertEquals("email", refused(ion("Ion", "Popescu", null, "e".repeat(201))).field());
        assertEquals("phone", refused(new CitizenDetails(null, null, "Popescu", null, "0".repeat(31), null)).field());
        assertEquals("nationalId", refused(new CitizenDetails("1".repeat(5000), "Ion", "Popescu", null, null, null))
                .field());
    }

    @Test
    public void controlCharactersAreRefused() {
        assertEquals("lastName", refused(ion("Ion", "Pop\u0000escu", null, null)).field());
        assertEquals("address", refused(ion("Ion", "Popescu", "Str. Zamca\n3", null)).field());
    }

    private static InvalidInputException refused(CitizenDetails details) {
        return assertThrows(InvalidInputException.class, details::validate);
    }
}
