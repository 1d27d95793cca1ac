package org.civicdesk.datasource.documents.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk document management",
        description = "Where attachments are stored, how large they may be, and the document management system that "
                + "receives every request and attachment")
@interface DocumentsConfig {
    @AttributeDefinition(name = "Storage directory",
            description = "Directory of the attachment store; empty means civicdesk/attachments in Karaf's data folder. "
                    + "Back it up with the database.")
    String storageDirectory() default "";

    @AttributeDefinition(name = "Largest file (MiB)", min = "1", max = "100")
    int maxFileSizeMiB() default 10;

    @AttributeDefinition(name = "Document management system",
            description = "The external system that receives every request filed and every file attached from now on, "
                    + "through an outbox that tries again until it takes them: its id (cmis: feature "
                    + "civicdesk-documents-cmis, set up in org.civicdesk.datasource.documents.cmis.cfg); empty for none "
                    + "(the built-in journal and store only)")
    String archive() default "";

    @AttributeDefinition(name = "Hand over what was filed since",
            description = "A day (YYYY-MM-DD): the requests registered from that day on that the document management "
                    + "system did not receive (filed before it was set up, or while this feature was not installed) are "
                    + "handed over too, with their files; empty for none")
    String archiveFiledSince() default "";

    @AttributeDefinition(name = "First retry (seconds)",
            description = "How long after a failed hand-off it is tried again; the wait doubles each time, up to an hour",
            min = "1")
    int retrySeconds() default 60;
}
