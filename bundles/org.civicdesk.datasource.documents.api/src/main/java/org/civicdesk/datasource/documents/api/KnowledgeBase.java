package org.civicdesk.datasource.documents.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.civicdesk.core.api.Actor;

/**
 * The knowledge base of "acts and problems" (R8): what a procedure needs, what it costs, where
 * and when. Articles are versioned append-only: saving adds a version, the latest is current.
 * Search ignores case and Romanian diacritics ("autorizatie" finds "autorizație").
 */
@org.osgi.annotation.versioning.ProviderType
public interface KnowledgeBase {

    /** Current articles matching every word of the query, best first; an empty query lists them all. */
    List<Article> search(String query, Locale locale, int limit);

    /** The current version of an article. */
    Optional<Article> get(String id);

    /** Every version of an article, oldest first. */
    List<Article> history(String id);

    /**
     * Adds a version of an article (a new article when the id is new). Needs the admin or
     * supervisor role.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for a missing id, title or text in Romanian
     */
    Article save(Actor actor, ArticleDraft draft);

    /** The current version of every article, by id: what an export writes. */
    List<Article> all();
}
