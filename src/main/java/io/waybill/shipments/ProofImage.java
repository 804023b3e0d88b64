package io.waybill.shipments;

import io.waybill.kernel.InvalidRequestException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A signature or photo fit to keep: a PNG or JPEG, told by its first bytes (not its name or declared
 * type) and proven by decoding it, then encoded afresh from its pixels, so that what is kept carries
 * no metadata (a phone photo's EXIF GPS position and camera serial, text chunks, ICC profiles) and
 * nothing hidden behind the image data.
 */
public final class ProofImage {

    /** More pixels than any camera or signature pad makes: refused before decoding (a small file can claim a huge image). */
    static final long MAX_PIXELS = 50_000_000L;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private final Format format;
    private final byte[] content;

    private ProofImage(Format format, byte[] content) {
        this.format = Objects.requireNonNull(format);
        this.content = content;
    }

    /** The image's formats: the media type it is served with and the file suffix it is kept under. */
    public enum Format {
        PNG("image/png", "png"), JPEG("image/jpeg", "jpg");

        private final String mediaType;
        private final String suffix;

        Format(String mediaType, String suffix) {
            this.mediaType = mediaType;
            this.suffix = suffix;
        }

        public String mediaType() {
            return mediaType;
        }

        public String suffix() {
            return suffix;
        }

        public static Format ofSuffix(String suffix) {
            for (Format format : values()) {
                if (format.suffix.equals(suffix)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("Not a proof image suffix: " + suffix);
        }
    }

    /**
     * Checks an upload and strips it: refuses (422, naming {@code field}) anything larger than
     * {@code maxBytes}, anything that is not a PNG or JPEG by its first bytes, and anything that does
     * not decode as one.
     */
    public static ProofImage check(String field, byte[] upload, long maxBytes) {
        if (upload == null || upload.length == 0) {
            throw new InvalidRequestException(field, "is required: a PNG or JPEG image");
        }
        if (upload.length > maxBytes) {
            throw new InvalidRequestException(field, "is " + upload.length + " bytes; at most " + maxBytes
                    + " bytes are accepted");
        }
        Format format = startsWith(upload, PNG_MAGIC) ? Format.PNG
                : startsWith(upload, JPEG_MAGIC) ? Format.JPEG : null;
        if (format == null) {
            throw new InvalidRequestException(field, "is not a PNG or JPEG image");
        }
        BufferedImage pixels = decode(field, upload, format);
        return new ProofImage(format, encode(pixels, format));
    }

    /** An image as kept, read back from storage; for stores only. */
    public static ProofImage stored(Format format, byte[] content) {
        return new ProofImage(format, content.clone());
    }

    private static BufferedImage decode(String field, byte[] upload, Format format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase());
            if (in == null || !readers.hasNext()) {
                throw new IllegalStateException("No " + format + " reader in this JDK");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new InvalidRequestException(field, "has " + pixels + " pixels; at most " + MAX_PIXELS
                            + " are accepted");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new InvalidRequestException(field, "does not decode as a " + format + " image");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof InvalidRequestException refusal) {
                throw refusal;
            }
            throw new InvalidRequestException(field, "does not decode as a " + format + " image");
        }
    }

    private static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha() && image.getType() != BufferedImage.TYPE_CUSTOM) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = rgb.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private static byte[] encode(BufferedImage image, Format format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BufferedImage pixels = format == Format.JPEG ? opaque(image) : image;
            if (!ImageIO.write(pixels, format.suffix(), out)) {
                out.reset();
                if (!ImageIO.write(opaque(image), format.suffix(), out)) {
                    throw new IllegalStateException("No " + format + " writer for this image");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    public Format format() {
        return format;
    }

    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }
}
