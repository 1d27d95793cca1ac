package org.civicdesk.datasource.documents.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells a file's type from its bytes (magic numbers), never from its name, and checks that the
 * name's extension agrees: a program renamed {@code photo.jpg} is refused.
 */
final class MediaTypes {
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    static final String PDF = "application/pdf";
    /** Voice messages left with the phone robot. */
    static final String WAV = "audio/wav";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String ZIP = "application/zip";

    /** The extensions a name may carry for each type. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            JPEG, List.of("jpg", "jpeg", "jpe", "jfif"), PNG, List.of("png"), GIF, List.of("gif"),
            WEBP, List.of("webp"), PDF, List.of("pdf"), DOCX, List.of("docx"), XLSX, List.of("xlsx"),
            ODT, List.of("odt"), ODS, List.of("ods"), WAV, List.of("wav"));

    /** How many leading bytes {@link #sniff} needs. */
    static final int HEADER_LENGTH = 16;

    private MediaTypes() {
    }

    /** The type the leading bytes announce, or empty when they announce none we know. */
    static Optional<String> sniff(byte[] header) {
        if (startsWith(header, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(header, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(header, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(header, 'R', 'I', 'F', 'F') && header.length >= 12
                && Arrays.equals(Arrays.copyOfRange(header, 8, 12), "WEBP".getBytes())) {
            return Optional.of(WEBP);
        }
        if (startsWith(header, 'R', 'I', 'F', 'F') && header.length >= 12
                && Arrays.equals(Arrays.copyOfRange(header, 8, 12), "WAVE".getBytes())) {
            return Optional.of(WAV);
        }
        if (startsWith(header, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (startsWith(header, 'P', 'K', 0x03, 0x04)) {
            return Optional.of(ZIP);
        }
        return Optional.empty();
    }

    /**
     * The type of a stored file: its header, and for a ZIP container the office format it holds
     * (an office document is a ZIP whose entries say what it is).
     */
    static Optional<String> detect(byte[] header, Path file) throws IOException {
        Optional<String> sniffed = sniff(header);
        if (sniffed.isPresent() && sniffed.get().equals(ZIP)) {
            return officeFormat(file);
        }
        return sniffed;
    }

    private static Optional<String> officeFormat(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 200) {
                String declared = new String(zip.getInputStream(mimetype).readAllBytes()).trim();
                return declared.equals(ODT) || declared.equals(ODS) ? Optional.of(declared) : Optional.empty();
            }
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    return Optional.of(DOCX);
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return Optional.of(XLSX);
                }
            }
            return Optional.empty();
        } catch (java.util.zip.ZipException e) {
            return Optional.empty();
        }
    }

    /** Whether a file name's extension fits the detected type; a name without extension fits any. */
    static boolean nameFits(String fileName, String mediaType) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return true;
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.getOrDefault(mediaType, List.of()).contains(extension);
    }

    /** A short name of the type for messages, by language ("en", "ro"), e.g. "a PDF document". */
    static Map<String, String> describe(String mediaType) {
        return switch (mediaType) {
            case JPEG -> Map.of("en", "a JPEG image", "ro", "o imagine JPEG");
            case PNG -> Map.of("en", "a PNG image", "ro", "o imagine PNG");
            case GIF -> Map.of("en", "a GIF image", "ro", "o imagine GIF");
            case WEBP -> Map.of("en", "a WebP image", "ro", "o imagine WebP");
            case PDF -> Map.of("en", "a PDF document", "ro", "un document PDF");
            case DOCX, ODT -> Map.of("en", "a text document", "ro", "un document text");
            case XLSX, ODS -> Map.of("en", "a spreadsheet", "ro", "o foaie de calcul");
            case WAV -> Map.of("en", "a sound recording", "ro", "o înregistrare audio");
            default -> Map.of("en", mediaType, "ro", mediaType);
        };
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
