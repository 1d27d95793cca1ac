package org.civicdesk.request.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.civicdesk.request.api.RequestQuery;
import org.junit.Test;

public class RequestListsTest {

    @Test
    public void theAuditTrailCountsTheWordsSoughtWithoutKeepingThem() {
        RequestQuery byName = new RequestQuery("registered", null, "REG", null, null, null, null, " Zamfira  Erasmusescu ",
                null, null);
        String audited = RequestLists.audited(byName);
        assertFalse(audited, audited.contains("Zamfira") || audited.contains("Erasmusescu"));
        assertTrue(audited, audited.contains("text=2 words") && audited.contains("status=registered")
                && audited.contains("department=REG"));
        assertEquals(RequestQuery.all().toString(), RequestLists.audited(RequestQuery.all()));
    }
}
