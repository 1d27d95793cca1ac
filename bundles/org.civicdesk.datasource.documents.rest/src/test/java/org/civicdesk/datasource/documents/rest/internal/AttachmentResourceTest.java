package org.civicdesk.datasource.documents.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.ContentDisposition;
import org.junit.Test;

public class AttachmentResourceTest {

    /** A part whose Content-Disposition header arrived as CXF reads it: its bytes as ISO-8859-1. */
    private static Attachment part(String headerAsSent) {
        String asRead = new String(headerAsSent.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return new Attachment("file", new ByteArrayInputStream(new byte[0]), new ContentDisposition(asRead));
    }

    @Test
    public void aRomanianFileNameSentInUtf8IsReadAsSent() {
        assertEquals("cerere Ștefan ăîâșț.pdf",
                AttachmentResource.fileName(part("form-data; name=\"file\"; filename=\"cerere Ștefan ăîâșț.pdf\"")));
        assertEquals("groapa.png", AttachmentResource.fileName(part("form-data; name=\"file\"; filename=\"groapa.png\"")));
    }

    @Test
    public void aNameThatIsNotUtf8IsTakenAsRead() {
        // "café" in ISO-8859-1: its é (0xE9) alone is no UTF-8.
        Attachment latin1 = new Attachment("file", new ByteArrayInputStream(new byte[0]),
                new ContentDisposition("form-data; name=\"file\"; filename=\"café.txt\""));
        assertEquals("café.txt", AttachmentResource.fileName(latin1));
        assertNull(AttachmentResource.fileName(new Attachment("file", new ByteArrayInputStream(new byte[0]),
                new ContentDisposition("form-data; name=\"file\""))));
    }
}
