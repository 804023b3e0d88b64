package io.waybill.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** Proofs of delivery as an agent's app sends them (POST /shipments/{id}/proof-of-delivery). */
public final class Proofs {

    private Proofs() {
    }

    /** An image of the given size in the given format ("png", "jpg"), with a pattern so that it is not blank. */
    public static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0x1f4e79);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A delivery proven by a signature, received by Ravi Kumar. */
    public static Map<String, Object> signature(String location) {
        return Map.of("kind", "signature", "image", base64(image("png", 120, 40)), "received_by", "Ravi Kumar",
                "location", location);
    }
}
