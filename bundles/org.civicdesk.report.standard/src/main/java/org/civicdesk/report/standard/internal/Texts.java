package org.civicdesk.report.standard.internal;

import org.civicdesk.report.api.Column;

/** The columns the standard reports share. */
final class Texts {
    static final Column DEPARTMENT = Column.of("department", "Departament", "Department", Column.Type.TEXT);
    static final Column TYPE = Column.of("type", "Tip", "Type", Column.Type.TEXT);
    static final Column CHANNEL = Column.of("channel", "Canal", "Channel", Column.Type.TEXT);
    static final Column STATUS = Column.of("status", "Stare", "Status", Column.Type.TEXT);
    static final Column COUNT = Column.of("count", "Număr", "Count", Column.Type.INTEGER);
    /** What the total row says in its first column. */
    static final String TOTAL = "TOTAL";

    private Texts() {
    }
}
