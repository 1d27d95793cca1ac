package org.civicdesk.datasource.tax.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Random;

import org.civicdesk.identity.api.NationalIds;

/**
 * Generates realistic taxpayers in bulk, deterministically from a seed: a home (flat or
 * house) each, land for some, a car for most, the current year and the five before it, and a
 * payment behaviour drawn per taxpayer (early with discount, on time, late, or not at all).
 */
final class TaxDemoGenerator {
    private static final String[] STREETS = {"Str. Ștefan cel Mare", "Bd. George Enescu", "Str. Mihai Viteazu",
        "Str. Universității", "Calea Unirii", "Str. Nicolae Bălcescu", "Str. Petru Rareș", "Str. Ion Creangă"};
    private static final String[] NAMES = {"Andrei Munteanu", "Ioana Rusu", "Vasile Ursu", "Elena Lungu", "Mihai Stan",
        "Cristina Moldovan", "Gheorghe Tănase", "Daniela Sandu", "Radu Bălan", "Simona Cazacu"};
    private static final String[] CARS = {"Dacia Logan", "Dacia Sandero", "Volkswagen Golf", "Skoda Octavia",
        "Ford Focus", "Renault Clio"};
    private static final int BATCH = 500;

    private TaxDemoGenerator() {
    }

    static void generate(Connection c, int count, int year, long seed) throws SQLException {
        Random random = new Random(seed);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement taxpayer = c.prepareStatement("INSERT INTO TAXPAYER VALUES (?, ?, 'PERSON', ?, ?)");
                PreparedStatement object = c.prepareStatement("INSERT INTO TAX_OBJECT (ID, KIND, ADDRESS, BUILDING_USE, "
                        + "AREA_SQM, TAXABLE_VALUE, VEHICLE_TYPE, ENGINE_CC, PLATE, DESCRIPTION) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement owner = c.prepareStatement("INSERT INTO OWNERSHIP VALUES (?, ?, 100)");
                PreparedStatement obligation = c.prepareStatement("INSERT INTO OBLIGATION VALUES (?, ?, ?, ?, ?, ?, NULL)");
                PreparedStatement payment = c.prepareStatement("INSERT INTO PAYMENT VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String id = "G" + i;
                // The index is spread over serial, day, month and year of birth: up to 20 million distinct CNPs.
                String first12 = String.format("%d%02d%02d%02d33%03d", random.nextBoolean() ? 1 : 2,
                        40 + i / 336_000 % 60, 1 + i / 28_000 % 12, 1 + i / 1000 % 28, i % 1000);
                String cnp = first12 + NationalIds.cnpCheckDigit(first12);
                String address = STREETS[random.nextInt(STREETS.length)] + " nr. " + (1 + random.nextInt(150)) + ", Suceava";
                taxpayer.setString(1, id);
                taxpayer.setString(2, cnp);
                taxpayer.setString(3, NAMES[random.nextInt(NAMES.length)]);
                taxpayer.setString(4, address);
                taxpayer.addBatch();

                boolean flat = random.nextBoolean();
                BigDecimal value = BigDecimal.valueOf(80_000 + random.nextInt(300_000));
                addObject(object, id + "B", "BUILDING", address, "RESIDENTIAL", BigDecimal.valueOf(40 + random.nextInt(120)),
                        value, null, null, null, flat ? "Apartament" : "Casă");
                owner.setString(1, id + "B");
                owner.setString(2, id);
                owner.addBatch();
                BigDecimal buildingTax = value.multiply(new BigDecimal("0.001")).setScale(2, RoundingMode.HALF_UP);
                int behaviour = random.nextInt(4);
                addYears(obligation, payment, id + "B", id, buildingTax, year, behaviour);
                if (random.nextInt(3) > 0) {
                    int cc = 999 + random.nextInt(1500);
                    addObject(object, id + "V", "VEHICLE", null, null, null, null, "autoturism", cc,
                            "SV-" + (10 + random.nextInt(89)) + "-" + (char) ('A' + random.nextInt(26))
                                    + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)),
                            CARS[random.nextInt(CARS.length)]);
                    owner.setString(1, id + "V");
                    owner.setString(2, id);
                    owner.addBatch();
                    addYears(obligation, payment, id + "V", id, BigDecimal.valueOf((cc + 199) / 200 * 18L).setScale(2),
                            year, behaviour);
                }
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    taxpayer.executeBatch();
                    object.executeBatch();
                    owner.executeBatch();
                    obligation.executeBatch();
                    payment.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void addObject(PreparedStatement object, String id, String kind, String address, String use,
            BigDecimal area, BigDecimal value, String vehicleType, Integer cc, String plate, String description)
            throws SQLException {
        object.setString(1, id);
        object.setString(2, kind);
        object.setString(3, address);
        object.setString(4, use);
        object.setBigDecimal(5, area);
        object.setBigDecimal(6, value);
        object.setString(7, vehicleType);
        object.setObject(8, cc, Types.INTEGER);
        object.setString(9, plate);
        object.setString(10, description);
        object.addBatch();
    }

    /** Behaviour 0: early with discount; 1: on time; 2: skips the second instalment; 3: pays nothing of the last 2 years. */
    private static void addYears(PreparedStatement obligation, PreparedStatement payment, String objectId,
            String taxpayerId, BigDecimal amount, int year, int behaviour) throws SQLException {
        BigDecimal half = amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        for (int y = year - 5; y <= year; y++) {
            String id = objectId + "-" + y;
            obligation.setString(1, id);
            obligation.setString(2, objectId);
            obligation.setString(3, taxpayerId);
            obligation.setInt(4, y);
            obligation.setBigDecimal(5, amount);
            obligation.setBigDecimal(6, BigDecimal.TEN);
            obligation.addBatch();
            switch (behaviour) {
                case 0 -> pay(payment, id + "a", id, LocalDate.of(y, 3, 15),
                        amount.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP));
                case 1, 2 -> {
                    pay(payment, id + "a", id, LocalDate.of(y, 3, 25), half);
                    if (behaviour == 1 && y < year) {
                        pay(payment, id + "b", id, LocalDate.of(y, 9, 25), amount.subtract(half));
                    }
                }
                default -> {
                    if (y < year - 1) {
                        pay(payment, id + "a", id, LocalDate.of(y, 3, 25), amount);
                    }
                }
            }
        }
    }

    private static void pay(PreparedStatement payment, String id, String obligationId, LocalDate date, BigDecimal amount)
            throws SQLException {
        payment.setString(1, id);
        payment.setString(2, obligationId);
        payment.setDate(3, Date.valueOf(date));
        payment.setBigDecimal(4, amount);
        payment.setString(5, "CH-" + id);
        payment.addBatch();
    }
}
