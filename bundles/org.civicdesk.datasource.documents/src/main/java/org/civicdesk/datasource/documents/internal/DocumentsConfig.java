package org.civicdesk.datasource.documents.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk document management",
        description = "Where attachments are stored and how large they may be")
@interface DocumentsConfig {
    @AttributeDefinition(name = "Storage directory",
            description = "Directory of the attachment store; empty means civicdesk/attachments in Karaf's data folder. "
                    + "Back it up with the database.")
    String storageDirectory() default "";

    @AttributeDefinition(name = "Largest file (MiB)", min = "1", max = "100")
    int maxFileSizeMiB() default 10;
}
