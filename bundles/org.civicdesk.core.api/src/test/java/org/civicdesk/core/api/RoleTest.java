package org.civicdesk.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;

public class RoleTest {
    @Test
    public void rolesAreParsedWhateverTheirCaseAndNoneIsNoRole() {
        assertEquals(EnumSet.of(Role.OPERATOR, Role.SUPERVISOR), Role.parseAll(List.of("operator", "SUPERVISOR", "Operator")));
        assertEquals(Set.of(), Role.parseAll(null));
        assertEquals(Set.of(), Role.parseAll(List.of()));
    }

    @Test
    public void anUnknownRoleIsRefusedAtTheRoleField() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Role.parseAll(List.of("admin", "mayor")));
        assertEquals("role", refused.field());
    }
}
