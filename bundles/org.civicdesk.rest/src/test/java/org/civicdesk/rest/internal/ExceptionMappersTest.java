package org.civicdesk.rest.internal;

import static org.junit.Assert.assertEquals;

import javax.ws.rs.core.Response;

import org.junit.Test;

public class ExceptionMappersTest {
    @Test
    public void aFailureWhileTheBodyIsReadIsTheCallersBadRequest() {
        RuntimeException fault = new RuntimeException("Couldn't find MIME boundary: --xyz");
        fault.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.apache.cxf.interceptor.AttachmentInInterceptor", "handleMessage", null, 60),
            new StackTraceElement("org.apache.cxf.jaxrs.utils.JAXRSUtils", "readFromMessageBody", null, 1560)});
        Response response = new ExceptionMappers.AnyMapper().toResponse(fault);
        assertEquals(400, response.getStatus());
        assertEquals(Problems.PROBLEM_JSON, response.getMediaType());
    }

    @Test
    public void anyOtherUnexpectedFailureIsTheApisOwn() {
        Response response = new ExceptionMappers.AnyMapper().toResponse(new ArithmeticException("long overflow"));
        assertEquals(500, response.getStatus());
    }
}
