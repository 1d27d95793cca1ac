package org.civicdesk.channel.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.Test;

public class PublicPhotosTest {

    /** A phone's photo: where it was taken (Suceava), the camera, the owner, and an XMP packet saying the same. */
    static byte[] phonePhoto() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xff0000);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(26.2555, 47.6514);
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "PhoneMaker");
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ARTIST, "Ion Popescu");
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
        ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<exif:GPSLatitude xmlns:exif=\"http://ns.adobe.com/exif/1.0/\">47,39.08N</exif:GPSLatitude></x:xmpmeta>");
        return withXmp.toByteArray();
    }

    @Test
    public void aJpegLosesItsPositionCameraAndOwnerButNotItsPicture() throws Exception {
        byte[] original = phonePhoto();
        JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(original);
        assertNotNull(before.getExif().getGpsInfo());
        assertTrue(new String(original, StandardCharsets.ISO_8859_1).contains("Ion Popescu"));

        byte[] shown = PublicPhotos.withoutMetadata("image/jpeg", original).orElseThrow();
        JpegImageMetadata after = (JpegImageMetadata) Imaging.getMetadata(shown);
        assertTrue("no EXIF left", after == null || after.getExif() == null);
        String bytes = new String(shown, StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("Ion Popescu"));
        assertFalse(bytes.contains("PhoneMaker"));
        assertFalse(bytes.contains("GPSLatitude"));
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(shown));
        assertEquals(64, picture.getWidth());
        assertEquals(48, picture.getHeight());
    }

    @Test
    public void aPngIsRedrawnWithoutItsTextChunksAndOtherTypesAreNotShown() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] bytes = png.toByteArray();
        // A tEXt chunk just before IEND (its CRC is not checked by the reader): what an editor writes about its author.
        byte[] text = "\0\0\0\u0012tEXtAuthor\0Ion Popescu\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tagged = new byte[bytes.length + text.length];
        System.arraycopy(bytes, 0, tagged, 0, bytes.length - 12);
        System.arraycopy(text, 0, tagged, bytes.length - 12, text.length);
        System.arraycopy(bytes, bytes.length - 12, tagged, bytes.length - 12 + text.length, 12);
        byte[] shown = PublicPhotos.withoutMetadata("image/png", tagged).orElseThrow();
        assertFalse(new String(shown, StandardCharsets.ISO_8859_1).contains("Ion Popescu"));
        assertEquals(8, ImageIO.read(new ByteArrayInputStream(shown)).getWidth());

        assertFalse(PublicPhotos.showable("image/webp"));
        assertTrue(PublicPhotos.withoutMetadata("image/webp", new byte[] {1, 2, 3}).isEmpty());
        assertTrue("not a JPEG at all", PublicPhotos.withoutMetadata("image/jpeg", new byte[] {1, 2, 3}).isEmpty());
    }
}
