package org.civicdesk.datasource.documents.api;

import java.util.List;

/**
 * An article in one language.
 *
 * @param title     what the citizen asks about, e.g. "Birth certificate"
 * @param summary   the answer in a sentence or two, ready to be read out
 * @param documents the documents to bring
 * @param fees      fees and taxes, or {@code null}
 * @param office    where to go (office, address, counter)
 * @param hours     opening hours
 * @param steps     the steps of the procedure, in order
 */
public record ArticleText(String title, String summary, List<String> documents, String fees, String office,
        String hours, List<String> steps) {

    public ArticleText {
        documents = documents == null ? List.of() : List.copyOf(documents);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
