package io.waybill.shipments;

import java.util.Locale;
import java.util.Optional;

/** The forms a shipping label is printed in, with the media type and file extension of each. */
public enum LabelFormat {

    /** A 4x6 inch page, for any printer. */
    PDF("application/pdf", "pdf"),
    /** The same page as an image, 812x1218 pixels (4x6 inches at 203 dpi, a thermal printer's resolution). */
    PNG("image/png", "png"),
    /** Zebra Programming Language for thermal printers at 203 dpi, sent to the printer as it is. */
    ZPL("text/plain;charset=UTF-8", "zpl");

    private final String mediaType;
    private final String extension;

    LabelFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LabelFormat> fromWire(String value) {
        for (LabelFormat format : values()) {
            if (format.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
