package org.civicdesk.datasource.api;

/**
 * Something the operator can ask a caller to check they are who they say (R2) before
 * disclosing anything: "At which address is the flat you own?"
 *
 * @param source   id of the data source that knows it
 * @param question the question, in the requested language
 * @param answer   the expected answer, shown to the operator only
 * @param infoKind the kind of information it reveals, for the audit trail
 */
public record VerificationFact(String source, String question, String answer, String infoKind) {
}
