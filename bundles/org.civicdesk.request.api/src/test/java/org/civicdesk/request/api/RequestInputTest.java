package org.civicdesk.request.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

/** What the request API refuses before a registry sees it: answers, requests and changes that could not be stored. */
public class RequestInputTest {
    private static final RequestAttribute DEPTH = new RequestAttribute("depth", RequestAttribute.Datatype.NUMBER, false,
            Map.of("en", "How deep?"), null);
    private static final RequestAttribute PLACE = new RequestAttribute("place", RequestAttribute.Datatype.STRING, false,
            Map.of("en", "Where exactly?"), null);
    private static final RequestAttribute NOTES = new RequestAttribute("notes", RequestAttribute.Datatype.TEXT, false,
            Map.of("en", "Anything else?"), null);

    @Test
    public void aRatingIsAScoreFromOneToFiveAndACommentThatCanBeStored() {
        assertEquals(null, Rating.check(1, null));
        assertEquals(null, Rating.check(5, "  \n "));
        assertEquals("Bine,\nmulțumesc.", Rating.check(3, " Bine,\nmulțumesc. "));
        assertEquals("ș".repeat(Rating.MAX_COMMENT), Rating.check(4, "ș".repeat(Rating.MAX_COMMENT)));
        for (int score : new int[] {0, 6, -1, Integer.MAX_VALUE}) {
            assertEquals("score", refused(() -> Rating.check(score, null)).field());
        }
        assertEquals("comment", refused(() -> Rating.check(3, "x".repeat(Rating.MAX_COMMENT + 1))).field());
        assertEquals("comment", refused(() -> Rating.check(3, "nul\u0000")).field());
        assertEquals("comment", refused(() -> Rating.check(3, "esc\u001b[31m")).field());
    }

    @Test
    public void numbersAreKeptInTheirPlainFormWithinBounds() {
        assertEquals(List.of("12.5"), DEPTH.check(List.of("12.50")));
        assertEquals(List.of("1000"), DEPTH.check(List.of("1e3")));
        assertEquals(List.of("-0.001"), DEPTH.check(List.of("-1E-3")));
        assertEquals(List.of("1" + "0".repeat(29)), DEPTH.check(List.of("1e29")));
    }

    @Test
    public void numbersTooLargeToWriteOutAreRefusedBeforeTheyAreWritten() {
        assertEquals("attribute[depth]", refused(() -> DEPTH.check(List.of("1e999999999"))).field());
        refused(() -> DEPTH.check(List.of("1e30")));
        refused(() -> DEPTH.check(List.of("1e-21")));
        refused(() -> DEPTH.check(List.of("9".repeat(5000))));
        refused(() -> DEPTH.check(List.of("twelve")));
    }

    @Test
    public void textAnswersFitTheirColumnAndCarryNoControlCharacters() {
        assertEquals(List.of("pe trotuar"), PLACE.check(List.of(" pe trotuar ")));
        refused(() -> PLACE.check(List.of("x".repeat(RequestAttribute.MAX_STRING + 1))));
        refused(() -> PLACE.check(List.of("a\u0000b")));
        assertEquals(List.of("two\nlines"), NOTES.check(List.of("two\nlines")));
        refused(() -> NOTES.check(List.of("x".repeat(RequestAttribute.MAX_TEXT + 1))));
    }

    @Test
    public void anUnknownAttributeIsNamedOnlyWhenItCouldBeACode() {
        assertEquals("attribute[colour]", refused(() -> RequestAttribute.checkAll(List.of(DEPTH),
                Map.of("colour", List.of("red")))).field());
        InvalidInputException huge = refused(() -> RequestAttribute.checkAll(List.of(DEPTH), Map.of("c".repeat(100_000),
                List.of("red"))));
        assertEquals("attribute", huge.field());
        assertEquals(true, huge.getMessage().length() < 100);
    }

    @Test
    public void aNewRequestMustFitTheRegistry() {
        new NewRequest("pothole", Channel.WEB, null, "Groapă\nadâncă", new Location(47.6, 26.2, "Str. Zamca 3"));
        assertEquals("description", refused(() -> new NewRequest("pothole", Channel.WEB, null, "x".repeat(4001), null))
                .field());
        assertEquals("description", refused(() -> new NewRequest("pothole", Channel.WEB, null, "nul\u0000", null)).field());
        assertEquals("location.address", refused(() -> new NewRequest("pothole", Channel.WEB, null, "x",
                new Location(null, null, "S".repeat(301)))).field());
        Map<String, List<String>> unanswered = new HashMap<>();
        unanswered.put("depth", null);
        assertEquals("attributes", refused(() -> new NewRequest("pothole", Channel.WEB, null, "x", null, unanswered))
                .field());
        assertEquals(List.of("1", "2"), new NewRequest("pothole", Channel.WEB, null, "x", null,
                Map.of("depth", Arrays.asList("1", "2"))).attributes().get("depth"));
        assertEquals("email:ab12", new NewRequest("pothole", Channel.EMAIL, null, "x", null, Map.of(), "email:ab12")
                .reference());
        assertEquals("reference", refused(() -> new NewRequest("pothole", Channel.EMAIL, null, "x", null, Map.of(),
                "r".repeat(201))).field());
        assertEquals("reference", refused(() -> new NewRequest("pothole", Channel.EMAIL, null, "x", null, Map.of(),
                "line\nbreak")).field());
    }

    @Test
    public void aChangeMustFitTheHistory() {
        RequestChange.attachment("groapa.jpg", "sha256:" + "a".repeat(64), "Foto");
        assertEquals("attachmentName", refused(() -> RequestChange.attachment("n".repeat(256), null, null)).field());
        assertEquals("attachmentRef", refused(() -> RequestChange.attachment("a.jpg", "r".repeat(501), null)).field());
        assertEquals("assignee", refused(() -> RequestChange.assign("e".repeat(100_000), null)).field());
        assertEquals("status", refused(() -> RequestChange.status("s".repeat(51), null)).field());
        assertEquals("comment", refused(() -> RequestChange.comment("bell\u0007")).field());
        assertEquals("two\nlines", RequestChange.comment("two\nlines").comment());
    }

    private static InvalidInputException refused(org.junit.function.ThrowingRunnable call) {
        return assertThrows(InvalidInputException.class, call);
    }
}
