package org.civicdesk.channel.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.civicdesk.channel.web.cfg}: the web channel's Open311 endpoint and the citizens' portal. */
@ObjectClassDefinition(name = "CivicDesk web channel", description = "Open311 GeoReport v2 endpoint and citizens' portal")
public @interface WebChannelConfig {
    @AttributeDefinition(name = "Public request types", description = "Codes of the request types whose requests "
            + "anyone may list and read (description, place, status, public photos), comma separated: problems in "
            + "public space. These are Open311's services: requests of other types are neither offered nor ever shown by "
            + "the public API.")
    String publicTypes() default "pothole, streetlight, waste";

    @AttributeDefinition(name = "Types answered with a token", required = false, description = "Codes of the request "
            + "types whose Open311 submissions are answered with a token instead of the registration number "
            + "(GET tokens/{token} gives the number), comma separated; only public types are offered")
    String tokenTypes() default "";

    @AttributeDefinition(name = "Calls per minute per key", min = "1", description = "Each API key's budget; "
            + "past it the call is refused with 429 until the budget refills")
    int callsPerMinute() default 120;

    @AttributeDefinition(name = "Photos per report", min = "0", max = "10")
    int maxPhotos() default 5;

    @AttributeDefinition(name = "Largest photo (bytes)", min = "1")
    long maxPhotoBytes() default 10L * 1024 * 1024;

    @AttributeDefinition(name = "Service notice (Romanian)")
    String serviceNotice_ro() default "Solicitarea a fost înregistrată. O puteți urmări după numărul de înregistrare.";

    @AttributeDefinition(name = "Service notice (English)")
    String serviceNotice_en() default "Your request is registered. Follow it by its registration number.";
}
