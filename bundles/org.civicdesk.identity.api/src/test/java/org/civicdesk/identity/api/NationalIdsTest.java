package org.civicdesk.identity.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

public class NationalIdsTest {

    @Test
    public void acceptsValidCnps() {
        // Demo taxpayers named in the requirements: 1800101350018, 2820315350028, 2550720350038.
        assertEquals("1800101350018", NationalIds.validateCnp("1800101350018"));
        assertEquals("2820315350028", NationalIds.validateCnp("2820315350028"));
        assertEquals("2550720350038", NationalIds.validateCnp(" 2550720350038 "));
        assertEquals(CitizenKind.PERSON, NationalIds.kindOf("1800101350018"));
    }

    @Test
    public void rejectsWrongCheckDigitDateOrLength() {
        assertEquals("the CNP check digit is wrong",
                assertThrows(InvalidInputException.class, () -> NationalIds.validateCnp("1800101350019")).getMessage());
        assertThrows(InvalidInputException.class, () -> NationalIds.validateCnp("1801301350018")); // month 13
        assertThrows(InvalidInputException.class, () -> NationalIds.validateCnp("180010135001"));
        assertThrows(InvalidInputException.class, () -> NationalIds.validateCnp("18001013500AB"));
        assertThrows(InvalidInputException.class, () -> NationalIds.validate(""));
    }

    @Test
    public void computesCnpCheckDigit() {
        // 1+6+0+1+0+0+3+5+0+0+1+0... computed by hand: weights 279146358279 over 180010135001
        assertEquals(8, NationalIds.cnpCheckDigit("180010135001"));
    }

    @Test
    public void acceptsValidCuis() {
        // Public company codes with correct check digits.
        assertEquals("18547290", NationalIds.validateCui("RO18547290"));
        assertEquals("14399840", NationalIds.validate("14399840"));
        assertEquals(CitizenKind.COMPANY, NationalIds.kindOf("RO 14399840"));
    }

    @Test
    public void rejectsWrongCui() {
        assertEquals("the CUI check digit is wrong",
                assertThrows(InvalidInputException.class, () -> NationalIds.validateCui("18547291")).getMessage());
        assertThrows(InvalidInputException.class, () -> NationalIds.validateCui("RO1"));
        assertThrows(InvalidInputException.class, () -> NationalIds.validateCui("12345678901"));
    }
}
