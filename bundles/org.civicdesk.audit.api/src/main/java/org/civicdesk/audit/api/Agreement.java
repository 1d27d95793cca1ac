package org.civicdesk.audit.api;

/**
 * The confidentiality agreement in force, as a staff member reads it before accepting it.
 *
 * @param version  the agreement's version: accepting means accepting this one; a new version is accepted anew
 * @param language the language of {@code text} ({@code ro}, {@code en})
 * @param text     the agreement's text, plain, paragraphs separated by blank lines
 */
public record Agreement(String version, String language, String text) {
}
