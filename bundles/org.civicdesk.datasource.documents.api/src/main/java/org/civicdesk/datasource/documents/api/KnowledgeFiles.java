package org.civicdesk.datasource.documents.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The file format of knowledge base imports and exports: a UTF-8 JSON array of
 * {@code {"id", "category", "texts": {"ro": {title, summary, documents[], fees, office, hours,
 * steps[]}, "en": {…}}}}. An export can be edited and imported again; each imported article
 * whose content changed becomes a new version.
 */
public final class KnowledgeFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<List<ArticleDraft>> DRAFTS = new TypeReference<>() { };

    private KnowledgeFiles() {
    }

    /** Reads the articles of a file. @throws IOException when it is not in this format */
    public static List<ArticleDraft> read(InputStream in) throws IOException {
        return JSON.readValue(in, DRAFTS);
    }

    /** Writes articles in this format. */
    public static void write(List<ArticleDraft> articles, OutputStream out) throws IOException {
        JSON.writeValue(out, articles);
    }
}
