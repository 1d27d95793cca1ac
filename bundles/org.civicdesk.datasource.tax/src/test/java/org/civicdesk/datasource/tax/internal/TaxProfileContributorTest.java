package org.civicdesk.datasource.tax.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.core.api.Actor;
import org.civicdesk.datasource.api.ProfileContribution;
import org.civicdesk.datasource.tax.demo.internal.TaxDemoDatabase;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenKind;
import org.junit.Test;

/** The tax source's part of the 360° view: its section and its questions from one read of the record. */
public class TaxProfileContributorTest {

    @Test
    public void oneViewReadsTheTaxRecordOnce() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(Files.createTempDirectory("taxdb").resolve("db").toString());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection()) {
            TaxDemoDatabase.createSchema(c);
            TaxDemoDatabase.insertHandChecked(c, 2026);
        }
        AtomicInteger connections = new AtomicInteger();
        DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    return method.invoke(derby, args);
                });
        TaxProfileContributor taxes = new TaxProfileContributor(counting, () -> ZoneId.of("Europe/Bucharest"));
        Citizen ion = new Citizen("c-1", CitizenKind.PERSON, "1800101350018", "Ion", "Popescu", "Str. Zamca 3", null, null,
                Instant.now());

        ProfileContribution shown = taxes.contribution(Actor.system("test"), ion, Locale.ENGLISH);

        assertEquals(1, connections.get());
        assertEquals(1, shown.sections().size());
        assertFalse("the flat and the car give questions", shown.verificationFacts().isEmpty());
        assertEquals(shown.sections(), taxes.sections(ion, Locale.ENGLISH));
        assertEquals(shown.verificationFacts(), taxes.verificationFacts(ion, Locale.ENGLISH));
    }
}
