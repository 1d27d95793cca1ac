package org.civicdesk.request.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The last registration sequence given out in a year. Incremented by an UPDATE in the same
 * transaction that inserts the request: the row lock serialises concurrent filings (on every
 * node sharing the database) and a rolled-back filing gives its number back, so numbers are
 * gapless.
 */
@Entity
@Table(name = "CD_REGISTRATION_COUNTER")
public class RegistrationCounterEntity {
    @Id
    @Column(name = "REG_YEAR")
    private int year;
    @Column(name = "LAST_SEQ", nullable = false)
    private int lastSequence;

    protected RegistrationCounterEntity() {
    }

    RegistrationCounterEntity(int year, int lastSequence) {
        this.year = year;
        this.lastSequence = lastSequence;
    }
}
