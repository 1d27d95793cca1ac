package org.civicdesk.request.internal;

import org.civicdesk.identity.api.CitizenKeys;

/**
 * Free text about a person that an append-only table keeps (a contact's remarks, a rating's comment, the contact a
 * reporter without a national id left), sealed with the person's key: their erasure (for a reporter, the retention
 * job) leaves it noise while the rows and their chain stay whole. Text about nobody in particular is kept as it is.
 */
final class PersonalTexts {
    private final CitizenKeys keys;

    PersonalTexts(CitizenKeys keys) {
        this.keys = keys;
    }

    /** {@code text} sealed for the person {@code citizenId}; as it is for nobody; nothing for a person erased. */
    String sealed(String citizenId, String text) {
        if (text == null || citizenId == null) {
            return text;
        }
        try {
            return keys.seal(citizenId, text);
        } catch (IllegalStateException erased) {
            return null; // what would be said about a person erased is not kept
        }
    }

    /**
     * What {@code stored} says, opened with the key of {@code citizenId}; nothing once the person was erased, or when it
     * was sealed for someone else (a contact that went on to identify another person is that person's).
     */
    String opened(String citizenId, String stored) {
        if (stored == null || citizenId == null) {
            return stored;
        }
        try {
            return keys.open(citizenId, stored).orElse(null);
        } catch (IllegalStateException someoneElses) {
            return null;
        }
    }

    /** The id a reporter without a national id is keyed by: they have no record, only the request they filed. */
    static String reporterOf(String requestNumber) {
        return "reporter:" + requestNumber;
    }

    /** Destroys the key of the reporter of {@code requestNumber}: the contact they left is gone. */
    void forgetReporter(String requestNumber) {
        keys.forget(reporterOf(requestNumber));
    }
}
