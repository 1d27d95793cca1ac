package org.civicdesk.datasource.tax.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the demo tax database: the schema of the municipality's tax system as CivicDesk reads
 * it, and the three taxpayers anyone can check by hand (README), relative to a tax year Y:
 * <ul>
 * <li>Ion Popescu and Maria Popescu own a flat 50/50 (180 lei a year, 90 each, 10 % early
 * discount). Maria pays 81 lei by 31 March every year. Ion paid every year in two instalments
 * of 45, except the second of Y-1; in Y he paid the first. Ion also owns a car (144 lei a year,
 * paid up to the first instalment of Y) and has an unpaid 100-lei parking fine from November Y-1.</li>
 * <li>Elena Ionescu, a pensioner, owns a house (250 lei, 50 % pensioner reduction: 125) and pays
 * it with the early discount, 112.50 lei, every 15 March: fully paid up.</li>
 * </ul>
 */
public final class TaxDemoDatabase {
    private TaxDemoDatabase() {
    }

    /** Creates the tables (schema.sql). */
    public static void createSchema(Connection c) throws SQLException, IOException {
        try (InputStream in = TaxDemoDatabase.class.getResourceAsStream("schema.sql"); Statement s = c.createStatement()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql.strip());
                }
            }
        }
    }

    /** Inserts the hand-checkable taxpayers for tax year {@code y} and the five before it. */
    public static void insertHandChecked(Connection c, int y) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO TAXPAYER VALUES ('T1', '1800101350018', 'PERSON', 'Ion Popescu', "
                    + "'Str. Ștefan cel Mare nr. 12, ap. 4, Suceava')");
            s.execute("INSERT INTO TAXPAYER VALUES ('T2', '2820315350028', 'PERSON', 'Maria Popescu', "
                    + "'Str. Ștefan cel Mare nr. 12, ap. 4, Suceava')");
            s.execute("INSERT INTO TAXPAYER VALUES ('T3', '2550720350038', 'PERSON', 'Elena Ionescu', "
                    + "'Str. Mihai Viteazu nr. 3, Suceava')");
            s.execute("INSERT INTO TAX_OBJECT (ID, KIND, ADDRESS, BUILDING_USE, AREA_SQM, TAXABLE_VALUE, DESCRIPTION) "
                    + "VALUES "
                    + "('B1', 'BUILDING', 'Str. Ștefan cel Mare nr. 12, ap. 4, Suceava', 'RESIDENTIAL', 65, 180000, "
                    + "'Apartament'),"
                    + "('B2', 'BUILDING', 'Str. Mihai Viteazu nr. 3, Suceava', 'RESIDENTIAL', 90, 250000, 'Casă')");
            s.execute("INSERT INTO TAX_OBJECT (ID, KIND, VEHICLE_TYPE, ENGINE_CC, PLATE, DESCRIPTION) VALUES "
                    + "('V1', 'VEHICLE', 'autoturism', 1461, 'SV-12-POP', 'Dacia Logan')");
            s.execute("INSERT INTO TAX_OBJECT (ID, KIND, ISSUER, ISSUED_ON, DESCRIPTION) VALUES "
                    + "('F1', 'FINE', 'Poliția Locală Suceava', '" + (y - 1) + "-11-10', 'Amendă parcare neregulamentară')");
            s.execute("INSERT INTO OWNERSHIP VALUES ('B1', 'T1', 50), ('B1', 'T2', 50), ('V1', 'T1', 100), "
                    + "('F1', 'T1', 100), ('B2', 'T3', 100)");
            s.execute("INSERT INTO REDUCTION VALUES ('B2', 'T3', 'PENSIONER', 50, 'HCL 112/2020, pensionari cu venit minim')");
            int receipt = 1000;
            for (int year = y - 5; year <= y; year++) {
                s.execute(obligation("B1-T1-" + year, "B1", "T1", year, "90.00", "10", null));
                s.execute(obligation("B1-T2-" + year, "B1", "T2", year, "90.00", "10", null));
                s.execute(obligation("B2-T3-" + year, "B2", "T3", year, "125.00", "10", null));
                s.execute(payment("B1-T2-" + year, year + "-03-20", "81.00", receipt++));
                s.execute(payment("B2-T3-" + year, year + "-03-15", "112.50", receipt++));
                s.execute(payment("B1-T1-" + year, year + "-03-25", "45.00", receipt++));
                if (year < y - 1) {
                    s.execute(payment("B1-T1-" + year, year + "-09-25", "45.00", receipt++));
                }
            }
            for (int year = y - 2; year <= y; year++) {
                s.execute(obligation("V1-T1-" + year, "V1", "T1", year, "144.00", "0", null));
                s.execute(payment("V1-T1-" + year, year + "-03-28", "72.00", receipt++));
                if (year < y) {
                    s.execute(payment("V1-T1-" + year, year + "-09-28", "72.00", receipt++));
                }
            }
            s.execute(obligation("F1-T1", "F1", "T1", y - 1, "100.00", "0", (y - 1) + "-11-25"));
        }
    }

    private static String obligation(String id, String object, String taxpayer, int year, String amount, String discount,
            String due) {
        return "INSERT INTO OBLIGATION VALUES ('" + id + "', '" + object + "', '" + taxpayer + "', " + year + ", " + amount
                + ", " + discount + ", " + (due == null ? "NULL" : "'" + due + "'") + ")";
    }

    private static String payment(String obligation, String date, String amount, int receipt) {
        return "INSERT INTO PAYMENT VALUES ('P" + receipt + "', '" + obligation + "', '" + date + "', " + amount
                + ", 'CH-" + receipt + "')";
    }
}
