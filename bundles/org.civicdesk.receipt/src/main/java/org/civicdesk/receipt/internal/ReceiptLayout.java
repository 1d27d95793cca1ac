package org.civicdesk.receipt.internal;

import java.util.Locale;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.civicdesk.core.api.InvalidInputException;

/** The paper a receipt is printed on: an A4 sheet, or the 80 mm roll of a counter's thermal printer. */
enum ReceiptLayout {
    /** An A4 sheet from an office printer. */
    A4(PDRectangle.A4.getWidth(), 56, 11, 18, 150),
    /** 80 mm thermal paper: the page is as long as the receipt. */
    THERMAL(80 / 25.4f * 72, 10, 9, 12, 120);

    final float width;
    final float margin;
    final float textSize;
    final float titleSize;
    final float qrSize;

    ReceiptLayout(float width, float margin, float textSize, float titleSize, float qrSize) {
        this.width = width;
        this.margin = margin;
        this.textSize = textSize;
        this.titleSize = titleSize;
        this.qrSize = qrSize;
    }

    /** @throws InvalidInputException for anything but {@code a4} or {@code thermal} (A4 when not given) */
    static ReceiptLayout parse(String text) {
        if (text == null || text.isBlank()) {
            return A4;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "a4" -> A4;
            case "thermal" -> THERMAL;
            default -> throw InvalidInputException.of("layout", "receipt.layout");
        };
    }
}
