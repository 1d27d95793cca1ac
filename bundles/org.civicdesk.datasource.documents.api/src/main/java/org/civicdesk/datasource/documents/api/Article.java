package org.civicdesk.datasource.documents.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One version of a knowledge base article.
 *
 * @param id       stable identifier
 * @param version  1 for the first, then one more for every save
 * @param category the article's category
 * @param texts    the article per language code ({@code ro}, {@code en}, …)
 * @param savedBy  who saved this version
 * @param savedAt  when
 */
public record Article(String id, int version, String category, Map<String, ArticleText> texts, String savedBy,
        Instant savedAt) {

    public Article {
        texts = Map.copyOf(texts);
    }

    /** The text in the locale's language, falling back to Romanian. */
    public ArticleText in(Locale locale) {
        ArticleText text = locale == null ? null : texts.get(locale.getLanguage());
        return text != null ? text : texts.get("ro");
    }
}
