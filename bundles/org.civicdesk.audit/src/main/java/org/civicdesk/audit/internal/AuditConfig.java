package org.civicdesk.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk audit trail",
        description = "The keyed chain of the audit trail: where its key and its anchors are kept, how often it is sealed")
@interface AuditConfig {
    @AttributeDefinition(name = "Key file", description = "The integrity keys (HMAC-SHA-256), outside the database; "
            + "made at the first start. Empty: etc/civicdesk-integrity.keys. Nodes sharing a database share this file.")
    String keyFile() default "";

    @AttributeDefinition(name = "Anchor directory", description = "Where signed checkpoints of the chain's head are "
            + "appended (anchors.log). Empty: data/civicdesk/anchors")
    String anchorDirectory() default "";

    @AttributeDefinition(name = "Anchor copy directory", description = "A second place for the same checkpoints, "
            + "out of reach of the database's owner (another disk, a share, write-once storage). Empty: none")
    String anchorCopyDirectory() default "";

    @AttributeDefinition(name = "Anchor interval (s)", description = "How often an anchor is written while entries come")
    int anchorIntervalSeconds() default 60;

    @AttributeDefinition(name = "Seal interval (ms)", description = "How often committed entries are linked into the chain")
    int sealIntervalMillis() default 500;

    @AttributeDefinition(name = "Confidentiality agreement version", description = "The version of the agreement staff "
            + "accept before any citizen data; raise it when the text changes, and everyone accepts it anew")
    String agreementVersion() default "1";

    @AttributeDefinition(name = "Confidentiality agreement folder", description = "Where the agreement's text is: "
            + "confidentiality_ro.txt, confidentiality_en.txt (UTF-8). Empty: etc/civicdesk/agreement")
    String agreementFolder() default "";

    @AttributeDefinition(name = "Kinds of information under the agreement", description = "The audited kinds of "
            + "information a staff member reads or changes only after accepting the agreement in force")
    String[] agreementInfoKinds() default {"citizen-identity", "interaction", "tax", "phone-calls", "request",
        "appointment"};

    @AttributeDefinition(name = "Reads of people's data summed", description = "The actions of reads of people's data "
            + "summed per hour and reader as they are sealed, so that who read whose data (the audit-reads report) is "
            + "counted from those sums; other actions are counted from the trail itself. A change sums the chain anew")
    String[] readActions() default {"citizen.read", "citizen.lookup", "citizen.profile", "interaction.read", "tax.read",
        "tax.summary"};
}
