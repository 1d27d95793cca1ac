package org.civicdesk.datasource.documents.api;

import java.util.Map;

/**
 * The content of an article version to save.
 *
 * @param id       stable identifier, lower case with dashes, e.g. {@code birth-certificate}
 * @param category e.g. {@code civil-status}, {@code local-taxes}
 * @param texts    the article per language code; Romanian ({@code ro}) is required
 */
public record ArticleDraft(String id, String category, Map<String, ArticleText> texts) {
    public ArticleDraft {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }
}
