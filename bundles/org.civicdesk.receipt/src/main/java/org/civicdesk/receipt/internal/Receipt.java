package org.civicdesk.receipt.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.civicdesk.core.api.CityHall;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.ServiceRequest;

/**
 * What a registration receipt says, in one language: the city hall, the title, the request's number, time of
 * registration, type, deadline and tracking code, and the tracking page its QR code leads to. No personal data: the
 * receipt is handed over a counter and may be left on it.
 */
record Receipt(String language, String city, String title, List<Field> fields, String follow, String trackingUrl,
        String keep) {

    /** A labelled value. */
    record Field(String label, String value) {
    }

    static Receipt of(ServiceRequest request, String language, CityHall cityHall, RequestTypeCatalog types,
            ZoneId zone) {
        Locale locale = Locale.forLanguageTag(language);
        ResourceBundle text = ResourceBundle.getBundle("i18n.receipt", locale, Receipt.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String typeName = types.find(request.type()).map(t -> t.name(language)).orElse(request.type());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        DateTimeFormatter dayAndTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale);
        List<Field> fields = List.of(
                new Field(text.getString("number"), request.number().toString()),
                new Field(text.getString("registered"), request.registeredAt().atZone(zone).format(dayAndTime)),
                new Field(text.getString("type"), typeName),
                new Field(text.getString("deadline"), request.deadline().format(day)),
                new Field(text.getString("trackingCode"), request.trackingCode()));
        return new Receipt(language, cityHall.name(language), text.getString("title"), fields, text.getString("follow"),
                cityHall.trackingUrl(request.trackingCode()), text.getString("keep"));
    }
}
