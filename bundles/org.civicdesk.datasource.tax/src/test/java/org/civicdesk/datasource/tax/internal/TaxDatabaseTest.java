package org.civicdesk.datasource.tax.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import org.civicdesk.datasource.tax.api.TaxObject;
import org.civicdesk.datasource.tax.demo.internal.TaxDemoDatabase;
import org.civicdesk.datasource.tax.api.TaxRecord;
import org.civicdesk.datasource.tax.api.TaxSummary;
import org.junit.BeforeClass;
import org.junit.Test;

/** The hand-checkable demo taxpayers read back from a real (Derby) tax database, as of 23 Nov 2026. */
public class TaxDatabaseTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-23");
    private static TaxDatabase database;
    private static DataSource dataSource;

    @BeforeClass
    public static void createDatabase() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(Files.createTempDirectory("taxdb").resolve("db").toString());
        derby.setCreateDatabase("create");
        dataSource = derby;
        try (Connection c = dataSource.getConnection()) {
            TaxDemoDatabase.createSchema(c);
            TaxDemoDatabase.insertHandChecked(c, AS_OF.getYear());
        }
        database = new TaxDatabase(dataSource);
    }

    private static BigDecimal lei(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    public void ionOwesLastYearsInstalmentThisYearsSecondOnesAndTheFine() throws Exception {
        TaxRecord ion = database.record("1800101350018", AS_OF).orElseThrow();
        assertEquals("Ion Popescu", ion.name());
        // Flat Y-1 second instalment: 45 + 45 × 1 % × 14 months = 51.30
        // Flat Y second instalment: 45 + 45 × 2 % = 45.90; car Y second: 72 + 72 × 2 % = 73.44
        // Parking fine (due 25 Nov Y-1, no increases on fines): 100
        assertEquals(lei("270.64"), ion.owedNow());
        assertEquals(lei("8.64"), ion.increases());
        assertEquals(Map.of(2025, lei("151.30")), ion.arrearsByYear());
        assertNull("everything of this year is already due", ion.nextDueDate());
        // Paid in 2026: flat 45 + car 72
        assertEquals(lei("117.00"), ion.paidThisYear());

        TaxObject flat = ion.objects().stream().filter(o -> o.id().equals("B1")).findFirst().orElseThrow();
        assertEquals(0, lei("50").compareTo(flat.sharePercent()));
        assertEquals("Maria Popescu", flat.coOwners().get(0).name());
        assertTrue(flat.description(), flat.description().contains("rezidențial, 65 m²"));
        TaxObject car = ion.objects().stream().filter(o -> o.kind().equals("VEHICLE")).findFirst().orElseThrow();
        assertTrue(car.description(), car.description().contains("SV-12-POP"));

        TaxSummary summary = TaxDatabase.summarize(ion);
        assertEquals(1, summary.unpaidFines());
        assertEquals(lei("100.00"), summary.unpaidFinesAmount());
    }

    @Test
    public void mariaAndElenaAreFullyPaidUp() throws Exception {
        TaxRecord maria = database.record("2820315350028", AS_OF).orElseThrow();
        assertEquals(lei("0.00"), maria.owedNow());
        assertTrue(maria.lines().stream().allMatch(l -> l.settledWithDiscount()));
        assertEquals(6, maria.lines().size()); // the current year and the five before it

        TaxRecord elena = database.record("2550720350038", AS_OF).orElseThrow();
        assertEquals(lei("0.00"), elena.owedNow());
        assertTrue(elena.arrearsByYear().isEmpty());
        TaxObject house = elena.objects().get(0);
        assertEquals("PENSIONER", house.reductions().get(0).kind());
        assertEquals(lei("112.50"), elena.paidThisYear());
    }

    @Test
    public void unknownTaxpayerIsEmpty() throws Exception {
        assertFalse(database.record("1960101350012", AS_OF).isPresent());
    }

    @Test
    public void readConnectionsRefuseWrites() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            c.createStatement().executeUpdate("UPDATE PAYMENT SET AMOUNT = 0");
            fail("a read-only connection wrote to the tax database");
        } catch (SQLException e) {
            assertEquals("25502", e.getSQLState());
        }
    }
}
