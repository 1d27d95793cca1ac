package org.civicdesk.receipt.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.CityHall;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A request's receipt as a PDF, for the front desk's screen and the acknowledgement e-mail alike. */
@Component(service = ReceiptWriter.class)
public class ReceiptWriter {
    private final RequestRegistry requests;
    private final RequestTypeCatalog types;
    private final CityHall city;
    private final CityClock clock;

    @Activate
    public ReceiptWriter(@Reference RequestRegistry requests, @Reference RequestTypeCatalog types,
            @Reference CityHall city, @Reference CityClock clock) {
        this.requests = requests;
        this.types = types;
        this.city = city;
        this.clock = clock;
    }

    /**
     * The receipt of a request {@code actor} may open (read through the registry: visibility and audit as for any
     * read of the request).
     */
    byte[] pdf(Actor actor, RequestNumber number, ReceiptLayout layout, String language) {
        Receipt receipt = Receipt.of(requests.get(actor, number), language, city, types, clock.zone());
        try {
            return ReceiptPdf.write(receipt, layout);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the receipt of request " + number, e);
        }
    }

    /** The receipt's file name, e.g. {@code receipt_2026-000123.pdf}. */
    static String fileName(RequestNumber number) {
        return "receipt_" + number.toString().replace('/', '-') + ".pdf";
    }
}
