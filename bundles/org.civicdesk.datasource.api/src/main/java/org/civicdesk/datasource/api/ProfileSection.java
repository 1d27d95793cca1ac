package org.civicdesk.datasource.api;

import java.util.List;

/**
 * A titled block of the 360° view contributed by one data source.
 *
 * @param source   id of the data source, e.g. {@code taxes}
 * @param title    heading, in the requested language
 * @param infoKind the kind of information shown, as recorded in the audit trail (e.g. {@code tax})
 * @param facts    the facts, in display order
 */
public record ProfileSection(String source, String title, String infoKind, List<Fact> facts) {
    public ProfileSection {
        facts = List.copyOf(facts);
    }
}
