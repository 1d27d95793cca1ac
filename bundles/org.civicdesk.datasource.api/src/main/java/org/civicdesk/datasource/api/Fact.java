package org.civicdesk.datasource.api;

/**
 * One labelled fact of a profile section, ready to show or read to a caller.
 *
 * @param label what the fact is, in the requested language
 * @param value the fact, formatted for people
 */
public record Fact(String label, String value) {
}
