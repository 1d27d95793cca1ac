package org.civicdesk.request.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.request.api.RequestAttribute;
import org.civicdesk.request.api.RequestAttribute.Datatype;
import org.junit.Test;

/** The registry checks answers with {@link RequestAttribute#checkAll}; these are its rules. */
public class RequestAttributeTest {
    private static final List<RequestAttribute> ASKED = List.of(
            new RequestAttribute("depth", Datatype.NUMBER, true, Map.of("ro", "Adâncime", "en", "Depth"), List.of()),
            new RequestAttribute("since", Datatype.DATETIME, false, Map.of("ro", "De când"), List.of()),
            new RequestAttribute("kind", Datatype.MULTIVALUELIST, false, Map.of("ro", "Fel"), List.of(
                    new RequestAttribute.Value("glass", Map.of("ro", "Sticlă")),
                    new RequestAttribute.Value("paper", Map.of("ro", "Hârtie")))));

    @Test
    public void tidiesValidAnswersInTheAttributesOrder() {
        Map<String, List<String>> checked = RequestAttribute.checkAll(ASKED, Map.of(
                "kind", List.of("paper", "glass", "paper"), "depth", List.of(" 12.50 "), "since", List.of("")));
        assertEquals(List.of("depth", "kind"), List.copyOf(checked.keySet()));
        assertEquals(List.of("12.5"), checked.get("depth"));
        assertEquals(List.of("paper", "glass"), checked.get("kind"));
    }

    @Test
    public void refusesMissingWrongAndUnknownAnswers() {
        assertThrows(InvalidInputException.class, () -> RequestAttribute.checkAll(ASKED, Map.of()));
        assertThrows(InvalidInputException.class, () -> RequestAttribute.checkAll(ASKED,
                Map.of("depth", List.of("deep"))));
        assertThrows(InvalidInputException.class, () -> RequestAttribute.checkAll(ASKED,
                Map.of("depth", List.of("1", "2"))));
        assertThrows(InvalidInputException.class, () -> RequestAttribute.checkAll(ASKED,
                Map.of("depth", List.of("1"), "since", List.of("yesterday"))));
        assertThrows(InvalidInputException.class, () -> RequestAttribute.checkAll(ASKED,
                Map.of("depth", List.of("1"), "kind", List.of("metal"))));
        assertThrows(InvalidInputException.class, () -> RequestAttribute.checkAll(ASKED,
                Map.of("depth", List.of("1"), "colour", List.of("red"))));
        assertEquals(List.of("2026-12-01T10:00+02:00"), RequestAttribute.checkAll(ASKED,
                Map.of("depth", List.of("1"), "since", List.of("2026-12-01T10:00:00+02:00"))).get("since"));
    }
}
