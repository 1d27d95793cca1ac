package org.civicdesk.datasource.documents.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.civicdesk.core.api.IntegrityException;
import org.civicdesk.core.api.InvalidInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ContentStoreTest {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void storesByHashOnceAndReadOnly() throws Exception {
        ContentStore store = new ContentStore(folder.getRoot().toPath());
        ContentStore.Stored first = store.put(new ByteArrayInputStream(JPEG), "poza.JPG", 1000);
        ContentStore.Stored again = store.put(new ByteArrayInputStream(JPEG), "alta.jpeg", 1000);
        assertEquals(MediaTypes.JPEG, first.mediaType());
        assertEquals(first.sha256(), again.sha256());
        Path file = store.pathOf(first.sha256());
        // Checked on the mode bits: a test running as root may write anything.
        assertFalse("stored files are read-only",
                Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        try (InputStream in = store.open(first.sha256())) {
            assertArrayEquals(JPEG, in.readAllBytes());
        }
        assertEquals(0, Files.list(folder.getRoot().toPath().resolve("incoming")).count());
    }

    @Test
    public void refusesLiesAboutTheTypeAndOversizedFiles() throws Exception {
        ContentStore store = new ContentStore(folder.getRoot().toPath());
        expectRefusal(() -> store.put(new ByteArrayInputStream(PDF), "photo.jpg", 1000), "PDF");
        expectRefusal(() -> store.put(new ByteArrayInputStream("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)),
                "scan.pdf", 1000), "not accepted");
        expectRefusal(() -> store.put(new ByteArrayInputStream(new byte[2000]), "big.pdf", 1000), "larger");
        expectRefusal(() -> store.put(new ByteArrayInputStream(new byte[0]), "empty.pdf", 1000), "empty");
        assertEquals("nothing was kept", 1, Files.list(folder.getRoot().toPath()).count());
    }

    @Test
    public void recognisesOfficeDocumentsInsideTheirZip() throws Exception {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(docx)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        ContentStore store = new ContentStore(folder.getRoot().toPath());
        ContentStore.Stored stored = store.put(new ByteArrayInputStream(docx.toByteArray()), "cerere.docx", 100_000);
        assertEquals(MediaTypes.DOCX, stored.mediaType());
        expectRefusal(() -> store.put(new ByteArrayInputStream(docx.toByteArray()), "cerere.pdf", 100_000), "text document");
    }

    @Test
    public void detectsContentAlteredBehindTheStore() throws Exception {
        ContentStore store = new ContentStore(folder.getRoot().toPath());
        String sha = store.put(new ByteArrayInputStream(PDF), "decizie.pdf", 1000).sha256();
        Path file = store.pathOf(sha);
        file.toFile().setWritable(true);
        Files.write(file, "%PDF-1.7\n%%EOX\n".getBytes(StandardCharsets.US_ASCII));
        try {
            store.open(sha).close();
            fail("altered content was served");
        } catch (IntegrityException expected) {
            assertTrue(expected.getMessage().contains(sha));
        }
    }

    private static void expectRefusal(Runnable upload, String reason) {
        try {
            upload.run();
            fail("accepted: expected a refusal mentioning " + reason);
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(reason));
        }
    }
}
