package org.civicdesk.datasource.tax.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.Test;

public class TaxDemoGeneratorTest {
    @Test
    public void generatesDistinctValidTaxpayersWithTheirObligations() throws Exception {
        String url = "jdbc:derby:" + Files.createTempDirectory("taxgen").resolve("db") + ";create=true";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            TaxDemoDatabase.createSchema(c);
            TaxDemoDatabase.insertHandChecked(c, 2026);
            TaxDemoGenerator.generate(c, 1500, 2026, 42);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT NATIONAL_ID) FROM TAXPAYER")) {
                rs.next();
                assertEquals(1503, rs.getInt(1));
                assertEquals("CNPs are distinct", 1503, rs.getInt(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM OBLIGATION WHERE TAXPAYER_ID = 'G7'")) {
                rs.next();
                assertTrue("a home, maybe a car, six years each", rs.getInt(1) == 6 || rs.getInt(1) == 12);
            }
        }
    }
}
