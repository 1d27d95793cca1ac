package org.civicdesk.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.civicdesk.audit.api.Agreement;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.ConfidentialityAgreement;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.AgreementRequiredException;
import org.civicdesk.core.api.ConfiguredValues;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.persistence.Jdbc;

/**
 * The confidentiality agreement in force (R20): its version and text, who has accepted it, and which audited events
 * need an acceptance. An acceptance is an audit entry of its own ({@link ConfidentialityAgreement#ACCEPT_ACTION},
 * subject the account, remarks {@code version <v>, text sha256 <digest>}), so it is in the keyed chain like any other.
 */
final class Agreements {
    private static final String SUBJECT = "staff";
    private static final String REMARKS_START = "version ";
    /** The names the registry gives the public: tracking a request, rating it. */
    private static final Set<String> THE_PUBLIC = Set.of("public", "citizen");

    private final String version;
    private final Path folder;
    private final Set<String> guardedKinds;
    /** The accounts known to have accepted {@link #version}: an acceptance is never withdrawn, only outdated. */
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();

    Agreements(AuditConfig config) {
        this.version = config.agreementVersion().strip();
        this.folder = Path.of(config.agreementFolder().isBlank()
                ? System.getProperty("karaf.etc", "etc") + "/civicdesk/agreement" : config.agreementFolder());
        this.guardedKinds = ConfiguredValues.of(config.agreementInfoKinds());
    }

    Agreement current(String language) {
        String lang = "en".equals(language) ? "en" : "ro";
        return new Agreement(version, lang, text(lang));
    }

    private String text(String language) {
        try {
            return Files.readString(folder.resolve("confidentiality_" + language + ".txt"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the confidentiality agreement's text is missing from " + folder, e);
        }
    }

    /**
     * Whether {@code event} may only be recorded for a staff member who accepted the agreement: it reads or changes a
     * kind of information under the agreement, and a staff member does it. Staff user names have no colon (the staff
     * directory's rule); components, the Karaf shell's admins and citizens are named with one ({@code system:},
     * {@code shell:}, {@code citizen:}), and the public following or rating a request by its tracking code is
     * {@code public} or {@code citizen}.
     */
    boolean guards(AuditEvent event) {
        return guardedKinds.contains(event.infoKind()) && event.actor().indexOf(':') < 0
                && !THE_PUBLIC.contains(event.actor());
    }

    /** Fails when {@code event} needs an acceptance its actor has not given; looks in the trail through {@code c}. */
    void check(Connection c, AuditEvent event) throws SQLException {
        if (guards(event) && !accepted(c, event.actor())) {
            throw new AgreementRequiredException("accept the confidentiality agreement (version " + version
                    + ") before any citizen data: GET and POST /api/v1/me/agreement");
        }
    }

    boolean accepted(Connection c, String username) throws SQLException {
        if (accepted.contains(username)) {
            return true;
        }
        boolean found = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT REMARKS FROM " + AuditTables.ENTRY
                + " WHERE SUBJECT_ID = ? AND ACTION = ?")) {
            Jdbc.bind(ps, username, ConfidentialityAgreement.ACCEPT_ACTION);
            try (ResultSet rs = ps.executeQuery()) {
                while (!found && rs.next()) {
                    String remarks = rs.getString(1);
                    found = remarks != null && remarks.startsWith(REMARKS_START + version + ",");
                }
            }
        }
        if (found) {
            accepted.add(username);
        }
        return found;
    }

    /** The audit entry of {@code username} accepting {@code asked}, checked; {@code actor} is who accepts. */
    AuditEvent acceptance(Actor actor, String username, String asked) {
        if (username == null || username.isBlank()) {
            throw InvalidInputException.of("username", "agreement.username");
        }
        if (!actor.isSystem() && !actor.username().equals(username)) {
            throw new AccessDeniedException("staff accept the confidentiality agreement for themselves only");
        }
        if (asked == null || asked.isBlank()) {
            throw InvalidInputException.of("version", "agreement.version");
        }
        if (!version.equals(asked.strip())) {
            throw new ConflictException("version " + asked.strip() + " is not the agreement in force (" + version
                    + "): read it again");
        }
        return new AuditEvent(actor.username(), ConfidentialityAgreement.ACCEPT_ACTION, "agreement", SUBJECT, username,
                REMARKS_START + version + ", text sha256 " + digest(text("ro") + "\n\n" + text("en")));
    }

    /** Remembers that {@code username} accepted (its entry committed). */
    void remember(String username) {
        accepted.add(username);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
