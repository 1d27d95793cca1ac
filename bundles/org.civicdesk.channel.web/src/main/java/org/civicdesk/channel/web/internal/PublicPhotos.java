package org.civicdesk.channel.web.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

/**
 * A photo as the public may see it: without what a phone or camera writes into it — the GPS position of where it was
 * taken (often the reporter's home), the camera, the owner's name. The stored original keeps it for staff.
 */
final class PublicPhotos {

    private PublicPhotos() {
    }

    /** Whether a photo of this type can be shown publicly: its metadata can be removed here. */
    static boolean showable(String mediaType) {
        return switch (mediaType) {
            case "image/jpeg", "image/png", "image/gif" -> true;
            default -> false; // WebP: no writer here to remove its EXIF chunk, so it stays internal
        };
    }

    /**
     * The photo without its metadata: a JPEG losslessly without its EXIF, XMP and IPTC segments, a PNG or GIF drawn again
     * (pixels only); empty when it cannot be cleaned (another type, or a file the libraries cannot read).
     */
    static Optional<byte[]> withoutMetadata(String mediaType, byte[] photo) {
        try {
            return switch (mediaType) {
                case "image/jpeg" -> Optional.of(jpegWithoutMetadata(photo));
                case "image/png" -> redrawn(photo, "png");
                case "image/gif" -> redrawn(photo, "gif");
                default -> Optional.empty();
            };
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] jpegWithoutMetadata(byte[] photo) throws IOException {
        ByteArrayOutputStream noExif = new ByteArrayOutputStream(photo.length);
        try {
            new ExifRewriter().removeExifMetadata(photo, noExif);
        } catch (ImagingException e) {
            throw new IOException("not a JPEG the EXIF rewriter can read", e);
        }
        ByteArrayOutputStream noXmp = new ByteArrayOutputStream(photo.length);
        new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
        ByteArrayOutputStream noIptc = new ByteArrayOutputStream(photo.length);
        new JpegIptcRewriter().removeIptc(noXmp.toByteArray(), noIptc);
        return noIptc.toByteArray();
    }

    private static Optional<byte[]> redrawn(byte[] photo, String format) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
        if (image == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length);
        return ImageIO.write(image, format, out) ? Optional.of(out.toByteArray()) : Optional.empty();
    }
}
