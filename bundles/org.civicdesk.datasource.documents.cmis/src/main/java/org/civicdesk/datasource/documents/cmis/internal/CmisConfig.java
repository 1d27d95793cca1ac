package org.civicdesk.datasource.documents.cmis.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk document management over CMIS",
        description = "The CMIS 1.1 repository (browser binding) that receives every request and attached file when "
                + "archive = cmis in org.civicdesk.datasource.documents.cfg")
@interface CmisConfig {
    @AttributeDefinition(name = "Browser binding URL",
            description = "The repository's CMIS 1.1 browser binding, e.g. https://dms.primarie.ro/alfresco/api/-default-/"
                    + "public/cmis/versions/1.1/browser")
    String url() default "";

    @AttributeDefinition(name = "Repository id", description = "Empty: the server's first (often only) repository")
    String repositoryId() default "";

    @AttributeDefinition(name = "User")
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "Folder",
            description = "The folder under which each request gets one of its own: <folder>/<year>/<number>")
    String folder() default "/CivicDesk";

    @AttributeDefinition(name = "Time-out (seconds)", description = "For connecting and for each answer", min = "1")
    int timeoutSeconds() default 30;
}
