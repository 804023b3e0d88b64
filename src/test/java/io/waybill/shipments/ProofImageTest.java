package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.InvalidRequestException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProofImageTest {

    private static final long LIMIT = 5L * 1024 * 1024;

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A PNG with a text chunk (as cameras and editors write metadata) before its pixel data. */
    static byte[] pngWithText(String text) throws IOException {
        byte[] png = image("png", 8, 8);
        byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("tEXt".getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature and IHDR
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write("tEXt".getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    @Test
    void shouldKeepAPngAndAJpegReEncodedFromTheirPixels() throws IOException {
        ProofImage png = ProofImage.check("image", image("png", 20, 10), LIMIT);
        ProofImage jpeg = ProofImage.check("image", image("jpg", 20, 10), LIMIT);

        assertThat(png.format()).isEqualTo(ProofImage.Format.PNG);
        assertThat(jpeg.format()).isEqualTo(ProofImage.Format.JPEG);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png.content())).getWidth()).isEqualTo(20);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(jpeg.content())).getHeight()).isEqualTo(10);
    }

    @Test
    void shouldStripMetadata() throws IOException {
        byte[] upload = pngWithText("GPS 12.9716,77.5946 serial XYZ-123");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("XYZ-123");

        ProofImage kept = ProofImage.check("image", upload, LIMIT);

        assertThat(new String(kept.content(), StandardCharsets.ISO_8859_1)).doesNotContain("XYZ-123")
                .doesNotContain("tEXt");
    }

    @Test
    void shouldRefuseATextFileWhateverItIsCalled() {
        assertThatThrownBy(() -> ProofImage.check("image", "hello, I am a .png".getBytes(StandardCharsets.UTF_8),
                LIMIT)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a PNG or JPEG");
    }

    @Test
    void shouldRefuseAFileThatStartsLikeAPngButDoesNotDecode() throws IOException {
        byte[] png = image("png", 20, 10);
        byte[] broken = Arrays.copyOf(png, 40);

        assertThatThrownBy(() -> ProofImage.check("image", broken, LIMIT))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("does not decode");
    }

    @Test
    void shouldRefuseAnImageLargerThanTheLimit() throws IOException {
        byte[] png = image("png", 20, 10);

        assertThatThrownBy(() -> ProofImage.check("image", png, png.length - 1))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most");
        assertThatThrownBy(() -> ProofImage.check("image", new byte[0], LIMIT))
                .isInstanceOf(InvalidRequestException.class);
    }
}
