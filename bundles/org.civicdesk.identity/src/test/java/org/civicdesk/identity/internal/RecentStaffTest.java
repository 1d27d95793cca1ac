package org.civicdesk.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffAccount;
import org.junit.Test;

public class RecentStaffTest {
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean enabled = true;
    private final Function<String, Optional<RecentStaff.StaffRecord>> database = name -> {
        reads.incrementAndGet();
        return name.equals("ana") ? Optional.of(new RecentStaff.StaffRecord(new StaffAccount("ana", "Ana", null, null,
                Set.of(Role.OPERATOR), enabled), "hash")) : Optional.empty();
    };

    @Test
    public void aFreshRecordIsReadOnce() {
        RecentStaff recent = new RecentStaff(60_000);
        recent.get("ana", database);
        recent.get("ana", database);
        assertEquals(1, reads.get());
    }

    @Test
    public void aChangeOnThisNodeIsSeenAtOnce() {
        RecentStaff recent = new RecentStaff(60_000);
        recent.get("ana", database);
        enabled = false;
        recent.forget("ana");
        assertFalse(recent.get("ana", database).orElseThrow().account().enabled());
    }

    @Test
    public void aRecordReadWhileItChangedIsNotKept() {
        RecentStaff recent = new RecentStaff(60_000);
        // The account is disabled and forgotten while a login's read of the old record is under way.
        recent.get("ana", name -> {
            Optional<RecentStaff.StaffRecord> old = database.apply(name);
            enabled = false;
            recent.forget("ana");
            return old;
        });
        assertFalse(recent.get("ana", database).orElseThrow().account().enabled());
    }

    @Test
    public void unknownNamesAreNeverKept() {
        RecentStaff recent = new RecentStaff(60_000);
        recent.get("mallory", database);
        recent.get("mallory", database);
        assertEquals("each try reads again: a guessed name takes no memory", 2, reads.get());
    }

    @Test
    public void zeroKeepsNothing() {
        RecentStaff recent = new RecentStaff(0);
        recent.get("ana", database);
        recent.get("ana", database);
        assertEquals(2, reads.get());
    }
}
