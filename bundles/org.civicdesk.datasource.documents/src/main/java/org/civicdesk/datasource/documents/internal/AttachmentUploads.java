package org.civicdesk.datasource.documents.internal;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.civicdesk.datasource.documents.api.StoredAttachment;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.AttachmentReferenceCheck;
import org.civicdesk.request.api.RequestNumber;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Which request each piece of content was uploaded for, kept in an append-only table: the same
 * bytes uploaded for two requests belong to both, and a request may reference only content
 * uploaded for it. Content stored before this record existed has no owner and stays readable from
 * the requests that already reference it, but no new reference to it is accepted.
 */
@Component(service = {AttachmentUploads.class, AttachmentReferenceCheck.class})
public class AttachmentUploads implements AttachmentReferenceCheck {
    static final String TABLE = "CD_DOC_UPLOAD";
    private static final String SHA256 = "[0-9a-f]{64}";

    private final Jdbc jdbc;

    @Activate
    public AttachmentUploads(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        SchemaMigrations.update(dataSource, AttachmentUploads.class);
        this.jdbc = new Jdbc(dataSource);
    }

    /** Records that this content was uploaded for this request; uploading it again changes nothing. */
    void record(RequestNumber request, String sha256, String uploadedBy) {
        try {
            jdbc.update("recording an upload", "INSERT INTO " + TABLE + " (REQUEST_NUMBER, SHA256, UPLOADED_BY, "
                    + "UPLOADED_MS) VALUES (?, ?, ?, ?)", request.toString(), sha256, uploadedBy, System.currentTimeMillis());
        } catch (RuntimeException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** The content's hash when the reference is one of this store's and well formed. */
    static Optional<String> sha256Of(String reference) {
        if (reference == null || !reference.startsWith(StoredAttachment.REFERENCE_PREFIX)) {
            return Optional.empty();
        }
        String sha = reference.substring(StoredAttachment.REFERENCE_PREFIX.length());
        return sha.matches(SHA256) ? Optional.of(sha) : Optional.empty();
    }

    /** The requests this content was uploaded for; none for content stored before uploads were recorded. */
    List<String> requestsOf(String sha256) {
        return jdbc.query("reading uploads", "SELECT REQUEST_NUMBER FROM " + TABLE + " WHERE SHA256 = ?",
                rs -> rs.getString(1), 0, sha256);
    }

    @Override
    public boolean accepts(RequestNumber request, String reference) {
        if (reference == null || !reference.startsWith(StoredAttachment.REFERENCE_PREFIX)) {
            return true;
        }
        return sha256Of(reference).map(sha -> requestsOf(sha).contains(request.toString())).orElse(false);
    }
}
