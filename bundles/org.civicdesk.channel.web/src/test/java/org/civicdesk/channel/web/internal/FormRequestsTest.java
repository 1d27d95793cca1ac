package org.civicdesk.channel.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.Proxy;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;

import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

/** How a form the container cannot or should not read is refused, before any field is used. */
public class FormRequestsTest {
    /** A request as the container presents it; {@code parameters} stands for its lazy parsing of the body. */
    private static HttpServletRequest post(String contentType, long length, Supplier<Map<String, String[]>> parameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(FormRequestsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "POST";
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> length;
                    case "getParameterMap" -> parameters.get();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static int refused(HttpServletRequest request) {
        return assertThrows(RefusedBody.class, () -> FormRequests.params(request)).status();
    }

    @Test
    public void aFormIsRead() throws Exception {
        Open311Params params = FormRequests.params(post("application/x-www-form-urlencoded; charset=UTF-8", 30,
                () -> Map.of("service_code", new String[] {"pothole"})));
        assertEquals("pothole", params.get("service_code"));
    }

    @Test
    public void aBodyOfAnotherTypeIs415() {
        assertEquals(415, refused(post("application/json", 2, Map::of)));
        assertEquals(415, refused(post("text/xml", 2, Map::of)));
    }

    @Test
    public void aBodyOverTheLimitIs413BeforeItIsRead() {
        assertEquals(413, refused(post("application/x-www-form-urlencoded", FormRequests.MAX_FORM_BYTES + 1, () -> {
            throw new AssertionError("read although too large");
        })));
        assertEquals(413, refused(post("multipart/form-data; boundary=x", FormRequests.MAX_MULTIPART_BYTES + 1, Map::of)));
        // Sent in chunks, without a length: the container's own limit fails the parsing.
        assertEquals(413, refused(post("application/x-www-form-urlencoded", -1, () -> {
            throw new RuntimeException("Unable to parse form content",
                    new IllegalStateException("Form is larger than max length 200000"));
        })));
    }

    @Test
    public void aBodyTheContainerCannotParseIs400() {
        assertEquals(400, refused(post("multipart/form-data", 10, Map::of)));
        assertEquals(400, refused(post("application/x-www-form-urlencoded", 10, () -> {
            throw new IllegalArgumentException("Not valid UTF8! byte Ff in state 0");
        })));
        assertEquals(400, refused(post("multipart/form-data; boundary=x", 10, () -> {
            throw new RuntimeException(new java.io.IOException("Missing initial multi part boundary"));
        })));
    }

    @Test
    public void datesAreKeptToYearsWithAWindowBeforeThem() {
        ZoneId zone = ZoneId.of("Europe/Bucharest");
        assertEquals("2026-11-30T22:00:00Z", new Open311Params(Map.of("start_date", new String[] {"2026-12-01"}))
                .instant("start_date", zone).toString());
        for (String extreme : new String[] {"-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "1969-12-31"}) {
            assertThrows(extreme, InvalidInputException.class, () -> new Open311Params(Map.of("end_date",
                    new String[] {extreme})).instant("end_date", zone));
        }
    }
}
