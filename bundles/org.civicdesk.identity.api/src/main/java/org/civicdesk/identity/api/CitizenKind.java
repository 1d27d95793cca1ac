package org.civicdesk.identity.api;

/** A natural person (identified by CNP) or a legal person (identified by CUI/CIF). */
public enum CitizenKind {
    PERSON, COMPANY
}
