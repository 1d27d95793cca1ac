package org.civicdesk.notification.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.notification.api.CitizenMessage;
import org.civicdesk.notification.api.CitizenMessages;
import org.civicdesk.notification.api.NotificationState;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Queues citizens' messages that are not about a request in {@code CD_CITIZEN_MESSAGE}, in the caller's transaction. */
@Component(service = CitizenMessages.class)
public class CitizenMessageOutbox implements CitizenMessages {
    static final String TABLE = "CD_CITIZEN_MESSAGE";
    private static final int MAX_MODEL = 4000;

    @Activate
    public CitizenMessageOutbox(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        // The table must exist before a plug-in queues in its own transaction.
        SchemaMigrations.update(dataSource, CitizenMessageOutbox.class);
    }

    @Override
    public void queue(Connection transaction, CitizenMessage message) {
        if (message.template() == null || !message.template().matches("[a-z0-9-]{1,60}")) {
            throw InvalidInputException.of("template", "citizenMessage.template");
        }
        if (message.citizenId() == null || message.citizenId().isBlank()) {
            throw InvalidInputException.of("citizenId", "citizenMessage.citizen");
        }
        String model = write(message.model());
        if (model.length() > MAX_MODEL) {
            throw InvalidInputException.of("model", "citizenMessage.model", MAX_MODEL);
        }
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = transaction.prepareStatement("INSERT INTO " + TABLE + " (ID, CITIZEN_ID, TEMPLATE, LANG, "
                + "MODEL, REFERENCE, STATE, ATTEMPTS, QUEUED_MS, NEXT_MS) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            Jdbc.bind(ps, UUID.randomUUID().toString(), message.citizenId(), message.template(),
                    message.language() == null ? "" : Templates.language(message.language()), model, message.reference(),
                    NotificationState.QUEUED.name(), now, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.unchecked("queueing a citizen's message", e);
        }
    }

    /** The values as a properties text: what the JDK reads back exactly, whatever they hold. */
    static String write(Map<String, String> model) {
        Properties properties = new Properties();
        properties.putAll(model);
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Drop the date comment store() writes: the same values give the same text.
        return out.toString().replaceFirst("^#[^\n]*\n", "");
    }

    static Map<String, String> read(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> model = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> model.put(k, properties.getProperty(k)));
        return model;
    }
}
