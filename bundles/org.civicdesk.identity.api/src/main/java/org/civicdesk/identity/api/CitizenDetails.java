package org.civicdesk.identity.api;

import org.civicdesk.core.api.TextInput;

/**
 * Who a citizen says they are, as given on a channel; used to find or register them.
 * The kind follows from the national id: 13 digits is a CNP, otherwise a CUI.
 */
public record CitizenDetails(String nationalId, String firstName, String lastName, String address, String phone,
        String email) {
    /** The most characters each field may have: what the citizen registry stores. */
    public static final int MAX_FIRST_NAME = 100;
    public static final int MAX_LAST_NAME = 200;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_PHONE = 30;
    public static final int MAX_EMAIL = 200;
    /** A national id as typed, spaces and an {@code RO} prefix included. */
    public static final int MAX_NATIONAL_ID = 30;

    /**
     * Checks what the details may hold before anything is looked up or stored: each field within
     * its length, one line of text without control characters. The national id's digits are
     * checked by {@link NationalIds#validate}.
     *
     * @return these details
     * @throws org.civicdesk.core.api.InvalidInputException naming the first field that does not fit
     */
    public CitizenDetails validate() {
        TextInput.line("nationalId", nationalId, MAX_NATIONAL_ID);
        TextInput.line("firstName", firstName, MAX_FIRST_NAME);
        TextInput.line("lastName", lastName, MAX_LAST_NAME);
        TextInput.line("address", address, MAX_ADDRESS);
        TextInput.line("phone", phone, MAX_PHONE);
        TextInput.line("email", email, MAX_EMAIL);
        return this;
    }
}
