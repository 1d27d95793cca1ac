package org.civicdesk.datasource.documents.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.datasource.documents.api.Article;
import org.civicdesk.datasource.documents.api.ArticleDraft;
import org.civicdesk.datasource.documents.api.ArticleText;
import org.civicdesk.datasource.documents.api.KnowledgeBase;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/knowledge}: the knowledge base of acts and problems (R8). Reading is public —
 * it is what the city hall tells anyone who asks; saving a new version needs an administrator
 * or supervisor.
 */
@Component(service = RestResource.class)
@Path("/knowledge")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeResource implements RestResource {
    /** No part of an article is longer than the whole article the knowledge base stores. */
    private static final int MAX_TEXT = 32_000;

    private final KnowledgeBase knowledge;

    @Activate
    public KnowledgeResource(@Reference KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** An article in one language, as an operator reads it out or the portal shows it. */
    public record ArticleView(String id, int version, String category, String lang, String title, String summary,
            List<String> documents, String fees, String office, String hours, List<String> steps, String savedBy,
            String savedAt) {

        static ArticleView of(Article a, Locale locale) {
            ArticleText t = a.in(locale);
            String lang = a.texts().containsKey(locale.getLanguage()) ? locale.getLanguage() : "ro";
            return new ArticleView(a.id(), a.version(), a.category(), lang, t.title(), t.summary(), t.documents(),
                    t.fees(), t.office(), t.hours(), t.steps(), a.savedBy(), a.savedAt().toString());
        }
    }

    @GET
    @PermitAll
    public List<ArticleView> search(@QueryParam("q") String q, @QueryParam("lang") String lang,
            @QueryParam("limit") Integer limit) {
        Locale locale = locale(lang);
        if (q != null && q.length() > 200) {
            throw InvalidInputException.of("q", "article.question");
        }
        return knowledge.search(q, locale, limit == null ? 20 : limit).stream().map(a -> ArticleView.of(a, locale)).toList();
    }

    @GET
    @PermitAll
    @Path("/{id}")
    public ArticleView get(@PathParam("id") String id, @QueryParam("lang") String lang) {
        return knowledge.get(id).map(a -> ArticleView.of(a, locale(lang)))
                .orElseThrow(() -> new NotFoundException("no article " + id));
    }

    @GET
    @PermitAll
    @Path("/{id}/versions")
    public List<Article> versions(@PathParam("id") String id) {
        List<Article> versions = knowledge.history(id);
        if (versions.isEmpty()) {
            throw new NotFoundException("no article " + id);
        }
        return versions;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "supervisor"})
    public Article save(@PathParam("id") String id, ArticleDraft draft, @Context SecurityContext security) {
        if (draft == null) {
            throw InvalidInputException.of("body", "article.body");
        }
        if (draft.id() != null && !draft.id().equals(id)) {
            throw InvalidInputException.of("id", "article.idMismatch");
        }
        draft.texts().forEach(KnowledgeResource::checkText);
        return knowledge.save(ActorPrincipal.of(security), new ArticleDraft(id, draft.category(), draft.texts()));
    }

    /** Each text of an article is read out and shown as written: no control characters but line breaks. */
    private static void checkText(String language, ArticleText text) {
        String field = "texts." + language + ".";
        for (Map.Entry<String, String> part : Map.of("title", nonNull(text.title()), "summary", nonNull(text.summary()),
                "fees", nonNull(text.fees()), "office", nonNull(text.office()), "hours", nonNull(text.hours())).entrySet()) {
            TextInput.text(field + part.getKey(), part.getValue(), MAX_TEXT);
        }
        text.documents().forEach(d -> TextInput.text(field + "documents", d, MAX_TEXT));
        text.steps().forEach(s -> TextInput.text(field + "steps", s, MAX_TEXT));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static Locale locale(String lang) {
        if (lang == null || lang.isBlank()) {
            return Locale.forLanguageTag("ro");
        }
        if (!lang.matches("[a-zA-Z]{2}")) {
            throw InvalidInputException.of("lang", "article.lang");
        }
        return Locale.forLanguageTag(lang.toLowerCase(Locale.ROOT));
    }
}
