package org.civicdesk.datasource.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Role;
import org.civicdesk.core.api.SearchText;
import org.civicdesk.datasource.documents.api.Article;
import org.civicdesk.datasource.documents.api.ArticleDraft;
import org.civicdesk.datasource.documents.api.ArticleText;
import org.civicdesk.datasource.documents.api.KnowledgeBase;
import org.civicdesk.datasource.documents.api.KnowledgeFiles;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The knowledge base in CivicDesk's own database, one append-only row per article version. The
 * folded text of a version (no diacritics, lower case) is stored next to it, so a search is a
 * few portable {@code LIKE}s; ranking puts title matches first. At its first start it loads the
 * starting set of articles shipped with the bundle.
 */
@Component(service = KnowledgeBase.class)
public class KnowledgeBaseImpl implements KnowledgeBase {
    static final String TABLE = "CD_KB_ARTICLE";
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseImpl.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, ArticleText>> TEXTS = new TypeReference<>() { };
    private static final int MAX_CONTENT = 32000;
    private static final String COLUMNS = "ARTICLE_ID, VERSION, CATEGORY, CONTENT, TITLE_TEXT, SAVED_BY, SAVED_AT";
    private static final String CURRENT = "SELECT " + COLUMNS + " FROM " + TABLE
            + " a WHERE VERSION = (SELECT MAX(VERSION) FROM " + TABLE + " b WHERE b.ARTICLE_ID = a.ARTICLE_ID)";

    private final DataSource dataSource;

    @Activate
    public KnowledgeBaseImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource)
            throws IOException {
        this.dataSource = dataSource;
        SchemaMigrations.update(dataSource, KnowledgeBaseImpl.class);
        if (all().isEmpty()) {
            int loaded = importStartingSet();
            LOG.info("Knowledge base: loaded {} starting articles", loaded);
        }
    }

    private int importStartingSet() throws IOException {
        try (InputStream in = KnowledgeBaseImpl.class.getResourceAsStream("knowledge-base.json")) {
            List<ArticleDraft> drafts = KnowledgeFiles.read(in);
            Actor system = Actor.system("knowledge");
            drafts.forEach(d -> save(system, d));
            return drafts.size();
        }
    }

    @Override
    public List<Article> search(String query, Locale locale, int limit) {
        List<String> words = query == null ? List.of()
                : Arrays.stream(SearchText.fold(query).split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 1)
                        .map(KnowledgeBaseImpl::stem).toList();
        StringBuilder sql = new StringBuilder(CURRENT);
        words.forEach(w -> sql.append(" AND SEARCH_TEXT LIKE ?"));
        List<Scored> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < words.size(); i++) {
                ps.setString(i + 1, "%" + words.get(i) + "%");
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String title = rs.getString("TITLE_TEXT");
                    int score = (int) words.stream().filter(title::contains).count();
                    found.add(new Scored(toArticle(rs), score, title));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.unchecked("knowledge search", e);
        }
        return found.stream().sorted(Comparator.comparingInt(Scored::score).reversed().thenComparing(Scored::title))
                .limit(Math.max(1, Math.min(limit, 200))).map(Scored::article).toList();
    }

    /**
     * A word without its last letters, so that the inflected forms of Romanian match each other:
     * "autorizatie", "autorizatia" and "autorizatii" all begin with "autorizat".
     */
    static String stem(String word) {
        if (word.length() >= 8) {
            return word.substring(0, word.length() - 2);
        }
        return word.length() >= 5 ? word.substring(0, word.length() - 1) : word;
    }

    private record Scored(Article article, int score, String title) {
    }

    @Override
    public Optional<Article> get(String id) {
        return query(CURRENT + " AND ARTICLE_ID = ?", id).stream().findFirst();
    }

    @Override
    public List<Article> history(String id) {
        return query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE ARTICLE_ID = ? ORDER BY VERSION", id);
    }

    @Override
    public List<Article> all() {
        return query(CURRENT + " ORDER BY ARTICLE_ID");
    }

    @Override
    public Article save(Actor actor, ArticleDraft draft) {
        if (!actor.has(Role.ADMIN) && !actor.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("only administrators and supervisors edit the knowledge base");
        }
        validate(draft);
        String content;
        try {
            content = JSON.writeValueAsString(draft.texts());
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("texts", "article.unwritable", e.getOriginalMessage());
        }
        if (content.length() > MAX_CONTENT) {
            throw InvalidInputException.of("texts", "article.tooLong", MAX_CONTENT);
        }
        String titles = SearchText.fold(draft.texts().values().stream().map(ArticleText::title)
                .collect(Collectors.joining(" | ")));
        String searchText = SearchText.fold(draft.id().replace('-', ' ') + " " + draft.category() + " "
                + draft.texts().values().stream().flatMap(KnowledgeBaseImpl::words).collect(Collectors.joining(" ")));
        if (searchText.length() > MAX_CONTENT) {
            searchText = searchText.substring(0, MAX_CONTENT);
        }
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            int version = nextVersion(c, draft.id());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (ARTICLE_ID, VERSION, CATEGORY, CONTENT, TITLE_TEXT, SEARCH_TEXT, SAVED_BY, SAVED_AT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, draft.id());
                ps.setInt(2, version);
                ps.setString(3, draft.category());
                ps.setString(4, content);
                ps.setString(5, titles.length() > 1000 ? titles.substring(0, 1000) : titles);
                ps.setString(6, searchText);
                ps.setString(7, actor.username());
                ps.setLong(8, now.toEpochMilli());
                ps.executeUpdate();
            }
            return new Article(draft.id(), version, draft.category(), draft.texts(), actor.username(), now);
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("article " + draft.id() + " was saved by someone else at the same time; try again");
            }
            throw SqlErrors.unchecked("saving an article", e);
        }
    }

    private static Stream<String> words(ArticleText t) {
        return Stream.of(Stream.of(t.title(), t.summary(), t.fees(), t.office(), t.hours()), t.documents().stream(),
                t.steps().stream()).flatMap(s -> s).filter(s -> s != null);
    }

    private static void validate(ArticleDraft draft) {
        if (draft.id() == null || !draft.id().matches("[a-z0-9]+(-[a-z0-9]+)*") || draft.id().length() > 80) {
            throw InvalidInputException.of("id", "article.id");
        }
        if (draft.category() == null || !draft.category().matches("[a-z0-9]+(-[a-z0-9]+)*") || draft.category().length() > 60) {
            throw InvalidInputException.of("category", "article.category");
        }
        ArticleText ro = draft.texts().get("ro");
        if (ro == null || blank(ro.title()) || blank(ro.summary())) {
            throw InvalidInputException.of("texts.ro", "article.ro");
        }
        for (Map.Entry<String, ArticleText> text : draft.texts().entrySet()) {
            if (!text.getKey().matches("[a-z]{2}") || text.getValue() == null || blank(text.getValue().title())) {
                throw InvalidInputException.of("texts." + text.getKey(), "article.language");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int nextVersion(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(VERSION) FROM " + TABLE + " WHERE ARTICLE_ID = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) + 1;
            }
        }
    }

    private List<Article> query(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<Article> articles = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    articles.add(toArticle(rs));
                }
            }
            return articles;
        } catch (SQLException e) {
            throw SqlErrors.unchecked("reading the knowledge base", e);
        }
    }

    private static Article toArticle(ResultSet rs) throws SQLException {
        try {
            return new Article(rs.getString("ARTICLE_ID"), rs.getInt("VERSION"), rs.getString("CATEGORY"),
                    JSON.readValue(rs.getString("CONTENT"), TEXTS), rs.getString("SAVED_BY"),
                    Instant.ofEpochMilli(rs.getLong("SAVED_AT")));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored article is not readable", e);
        }
    }
}
