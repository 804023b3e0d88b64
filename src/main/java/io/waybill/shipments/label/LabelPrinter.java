package io.waybill.shipments.label;

import io.waybill.shipments.LabelFormat;
import io.waybill.shipments.LabelRenderer;
import io.waybill.shipments.ShippingLabel;
import org.springframework.stereotype.Component;

/** Draws a label: PDF and PNG with PDFBox (the same page), ZPL as text for the printer. */
@Component
class LabelPrinter implements LabelRenderer {

    @Override
    public byte[] render(ShippingLabel label, LabelFormat format) {
        return switch (format) {
            case PDF -> PdfBoxLabel.pdf(label);
            case PNG -> PdfBoxLabel.png(label);
            case ZPL -> ZplLabel.zpl(label);
        };
    }
}
