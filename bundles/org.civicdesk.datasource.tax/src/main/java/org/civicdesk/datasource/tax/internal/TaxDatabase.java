package org.civicdesk.datasource.tax.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.civicdesk.datasource.tax.api.TaxLine;
import org.civicdesk.datasource.tax.api.TaxObject;
import org.civicdesk.datasource.tax.api.TaxRecord;
import org.civicdesk.datasource.tax.api.TaxSummary;
import org.civicdesk.datasource.tax.internal.TaxCalculator.Assessment;
import org.civicdesk.datasource.tax.internal.TaxCalculator.Obligation;
import org.civicdesk.datasource.tax.internal.TaxCalculator.Payment;

/**
 * Reads a taxpayer's record from the tax database. Only SELECTs, on connections switched to
 * read-only; the current year and the five before it are read.
 */
final class TaxDatabase {
    static final int YEARS_OF_ARREARS = 5;
    /** Obligations whose payments one statement asks for. */
    private static final int PAYMENT_LOOKUP_CHUNK = 100;
    private static final BigDecimal NONE = BigDecimal.ZERO.setScale(2);

    private final DataSource dataSource;

    TaxDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<TaxRecord> record(String nationalId, LocalDate asOf) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            String taxpayerId;
            String name;
            String address;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ID, NAME, FISCAL_ADDRESS FROM TAXPAYER WHERE NATIONAL_ID = ?")) {
                ps.setString(1, nationalId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    taxpayerId = rs.getString(1);
                    name = rs.getString(2);
                    address = rs.getString(3);
                }
            }
            List<TaxObject> objects = objects(c, taxpayerId);
            return Optional.of(assemble(nationalId, name, address, asOf, objects, lines(c, taxpayerId, asOf)));
        }
    }

    private static List<TaxObject> objects(Connection c, String taxpayerId) throws SQLException {
        Map<String, TaxObject> objects = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.ID, o.KIND, o.ADDRESS, o.BUILDING_USE, o.AREA_SQM, "
                + "o.TAXABLE_VALUE, o.LAND_ZONE, o.LAND_CATEGORY, o.VEHICLE_TYPE, o.ENGINE_CC, o.PLATE, o.ISSUER, "
                + "o.ISSUED_ON, o.DESCRIPTION, w.SHARE_PERCENT FROM TAX_OBJECT o JOIN OWNERSHIP w ON w.OBJECT_ID = o.ID "
                + "WHERE w.TAXPAYER_ID = ? ORDER BY o.KIND, o.ID")) {
            ps.setString(1, taxpayerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("ID");
                    objects.put(id, new TaxObject(id, rs.getString("KIND"), describe(rs), rs.getString("ADDRESS"),
                            rs.getBigDecimal("SHARE_PERCENT"), coOwners(c, id, taxpayerId),
                            reductions(c, id, taxpayerId)));
                }
            }
        }
        return new ArrayList<>(objects.values());
    }

    /** A description as a clerk would say it, from the object's attributes. */
    static String describe(ResultSet rs) throws SQLException {
        String kind = rs.getString("KIND");
        String text = rs.getString("DESCRIPTION");
        StringBuilder d = new StringBuilder(text == null ? kind : text);
        switch (kind) {
            case "BUILDING" -> d.append(" (").append("RESIDENTIAL".equals(rs.getString("BUILDING_USE")) ? "rezidențial"
                    : "nerezidențial").append(", ").append(rs.getBigDecimal("AREA_SQM").stripTrailingZeros().toPlainString())
                    .append(" m², valoare impozabilă ").append(rs.getBigDecimal("TAXABLE_VALUE").toPlainString())
                    .append(" lei)");
            case "LAND" -> d.append(" (").append("INTRA_MUROS".equals(rs.getString("LAND_ZONE")) ? "intravilan"
                    : "extravilan").append(", ").append(rs.getString("LAND_CATEGORY")).append(", ")
                    .append(rs.getBigDecimal("AREA_SQM").stripTrailingZeros().toPlainString()).append(" m²)");
            case "VEHICLE" -> d.append(" (").append(rs.getString("VEHICLE_TYPE")).append(", ")
                    .append(rs.getInt("ENGINE_CC")).append(" cm³, ").append(rs.getString("PLATE")).append(")");
            case "FINE", "PERMIT_FEE" -> {
                if (rs.getString("ISSUER") != null) {
                    d.append(" (").append(rs.getString("ISSUER")).append(", ").append(rs.getDate("ISSUED_ON")).append(")");
                }
            }
            default -> {
                // concessions and others: the description says it all
            }
        }
        return d.toString();
    }

    private static List<TaxObject.Owner> coOwners(Connection c, String objectId, String taxpayerId) throws SQLException {
        List<TaxObject.Owner> owners = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.NAME, w.SHARE_PERCENT FROM OWNERSHIP w "
                + "JOIN TAXPAYER t ON t.ID = w.TAXPAYER_ID WHERE w.OBJECT_ID = ? AND w.TAXPAYER_ID <> ? ORDER BY t.NAME")) {
            ps.setString(1, objectId);
            ps.setString(2, taxpayerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.add(new TaxObject.Owner(rs.getString(1), rs.getBigDecimal(2)));
                }
            }
        }
        return owners;
    }

    private static List<TaxObject.Reduction> reductions(Connection c, String objectId, String taxpayerId)
            throws SQLException {
        List<TaxObject.Reduction> reductions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT KIND, PERCENT, LEGAL_BASIS FROM REDUCTION WHERE OBJECT_ID = ? AND TAXPAYER_ID = ? ORDER BY KIND")) {
            ps.setString(1, objectId);
            ps.setString(2, taxpayerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reductions.add(new TaxObject.Reduction(rs.getString(1), rs.getBigDecimal(2), rs.getString(3)));
                }
            }
        }
        return reductions;
    }

    private record Row(String id, String objectId, String kind, int year, BigDecimal amount, BigDecimal discount,
            LocalDate due) {
    }

    private static List<TaxLine> lines(Connection c, String taxpayerId, LocalDate asOf) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT b.ID, b.OBJECT_ID, o.KIND, b.TAX_YEAR, b.AMOUNT, "
                + "b.EARLY_DISCOUNT_PERCENT, b.DUE_DATE FROM OBLIGATION b JOIN TAX_OBJECT o ON o.ID = b.OBJECT_ID "
                + "WHERE b.TAXPAYER_ID = ? AND b.TAX_YEAR BETWEEN ? AND ? ORDER BY b.TAX_YEAR, b.OBJECT_ID")) {
            ps.setString(1, taxpayerId);
            ps.setInt(2, asOf.getYear() - YEARS_OF_ARREARS);
            ps.setInt(3, asOf.getYear());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date due = rs.getDate(7);
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
                            rs.getBigDecimal(6), due == null ? null : due.toLocalDate()));
                }
            }
        }
        Map<String, List<Payment>> payments = new HashMap<>();
        // By the obligations just read, through the payments' index: joined to OBLIGATION instead, Derby scanned
        // every payment of the city for each view (a third of the 360° view's time).
        for (int from = 0; from < rows.size(); from += PAYMENT_LOOKUP_CHUNK) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + PAYMENT_LOOKUP_CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT OBLIGATION_ID, PAID_ON, AMOUNT, RECEIPT FROM PAYMENT "
                    + "WHERE OBLIGATION_ID IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") "
                    + "ORDER BY PAID_ON")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i).id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        payments.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Payment(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3), rs.getString(4)));
                    }
                }
            }
        }
        List<TaxLine> lines = new ArrayList<>();
        for (Row row : rows) {
            List<Payment> paid = payments.getOrDefault(row.id(), List.of());
            Assessment a = TaxCalculator.assess(new Obligation(row.year(), row.amount(), row.discount(), row.due(),
                    !"FINE".equals(row.kind()), paid), asOf);
            lines.add(new TaxLine(row.objectId(), row.year(), row.amount().setScale(2), a.settledWithDiscount(),
                    a.instalments().stream().map(i -> new TaxLine.Instalment(i.due(), i.amount(), i.paid(), i.unpaid(),
                            i.monthsLate(), i.increase())).toList(),
                    paid.stream().map(p -> new TaxLine.PaymentMade(p.date(), p.amount(), p.receipt())).toList()));
        }
        return lines;
    }

    private static TaxRecord assemble(String nationalId, String name, String address, LocalDate asOf,
            List<TaxObject> objects, List<TaxLine> lines) {
        BigDecimal owedNow = NONE;
        BigDecimal increases = NONE;
        BigDecimal paidThisYear = NONE;
        Map<Integer, BigDecimal> arrears = new TreeMap<>();
        LocalDate nextDue = null;
        BigDecimal nextAmount = NONE;
        for (TaxLine line : lines) {
            for (TaxLine.PaymentMade p : line.payments()) {
                if (p.date().getYear() == asOf.getYear()) {
                    paidThisYear = paidThisYear.add(p.amount());
                }
            }
            for (TaxLine.Instalment i : line.instalments()) {
                if (i.unpaid().signum() == 0) {
                    continue;
                }
                if (i.due().isBefore(asOf)) {
                    owedNow = owedNow.add(i.unpaid()).add(i.increase());
                    increases = increases.add(i.increase());
                    if (line.year() < asOf.getYear()) {
                        arrears.merge(line.year(), i.unpaid().add(i.increase()), BigDecimal::add);
                    }
                } else if (nextDue == null || i.due().isBefore(nextDue)) {
                    nextDue = i.due();
                    nextAmount = i.unpaid();
                } else if (i.due().equals(nextDue)) {
                    nextAmount = nextAmount.add(i.unpaid());
                }
            }
        }
        return new TaxRecord(nationalId, name, address, asOf, objects, lines, arrears, owedNow, increases,
                paidThisYear.setScale(2), nextDue, nextAmount);
    }

    /** The short answer for the phone robot: totals, next instalment, unpaid fines. */
    static TaxSummary summarize(TaxRecord record) {
        Map<String, String> kinds = new HashMap<>();
        record.objects().forEach(o -> kinds.put(o.id(), o.kind()));
        int count = 0;
        BigDecimal amount = NONE;
        for (TaxLine line : record.lines()) {
            if (!"FINE".equals(kinds.get(line.objectId()))) {
                continue;
            }
            BigDecimal owed = line.instalments().stream().map(i -> i.unpaid().add(i.increase()))
                    .reduce(NONE, BigDecimal::add);
            if (owed.signum() > 0) {
                count++;
                amount = amount.add(owed);
            }
        }
        return new TaxSummary(record.owedNow(), record.nextDueDate(), record.nextDueAmount(), count, amount);
    }
}
