package org.civicdesk.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk citizens' keys", description = "The keystore holding the key that protects each "
        + "person's own key (what is sealed with it is unreadable once the person is erased)")
public @interface CitizenKeysConfig {
    @AttributeDefinition(name = "Keystore", description = "A PKCS#12 keystore; made, with a new master key, when missing. "
            + "Blank: civicdesk-personal-data.p12 in Karaf's etc/")
    String keystore() default "";

    @AttributeDefinition(name = "Keystore password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "Blank: a password made on the first start, kept in etc/civicdesk-personal-data.password")
    String keystore_password() default "";

    @AttributeDefinition(name = "Master key alias")
    String alias() default "personal-data-1";
}
