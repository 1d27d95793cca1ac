package org.civicdesk.channel.phone.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.civicdesk.channel.phone.cfg}: how CivicDesk meets the city's Asterisk exchange. */
@ObjectClassDefinition(name = "CivicDesk phone channel",
        description = "FastAGI server, AMI connection, speech, call distribution")
public @interface PhoneConfig {
    @AttributeDefinition(name = "FastAGI address", description = "Where the FastAGI server listens; 0.0.0.0 when the "
            + "exchange runs on another machine")
    String agiAddress() default "127.0.0.1";

    @AttributeDefinition(name = "FastAGI port", min = "1", max = "65535")
    int agiPort() default 4573;

    @AttributeDefinition(name = "Simultaneous calls", min = "1", description = "Calls the robot and the queue hold at once; "
            + "the exchange's next call is refused past it")
    int maxCalls() default 400;

    @AttributeDefinition(name = "AMI host", required = false, description = "The exchange's manager interface; empty: no "
            + "AMI (no call-backs, transfers or hang-up events; operators set their state by hand)")
    String amiHost() default "";

    @AttributeDefinition(name = "AMI port", min = "1", max = "65535")
    int amiPort() default 5038;

    @AttributeDefinition(name = "AMI user")
    String amiUsername() default "civicdesk";

    @AttributeDefinition(name = "AMI secret", type = AttributeType.PASSWORD, required = false)
    String amiSecret() default "";

    @AttributeDefinition(name = "Dial string of an extension", description = "How the exchange reaches a desk phone; "
            + "%s is the extension")
    String extensionDial() default "PJSIP/%s";

    @AttributeDefinition(name = "Dialplan context for transfers and call-backs")
    String dialContext() default "civicdesk-internal";

    @AttributeDefinition(name = "Prompt directory", required = false, description = "Where spoken prompts are cached as "
            + "8 kHz WAV files; the exchange must read them at the same path. Empty: data/civicdesk/prompts")
    String promptDirectory() default "";

    @AttributeDefinition(name = "Group of the exchange", required = false, description = "The group the exchange "
            + "runs as (e.g. asterisk), which must read the prompts: their files are made readable by it only "
            + "(mode 0640, the directory 2750). Empty: the group the files are created with")
    String promptGroup() default "";

    @AttributeDefinition(name = "Recording directory", required = false, description = "Where the exchange writes the "
            + "voice messages callers leave, readable by CivicDesk at the same path. Empty: data/civicdesk/recordings")
    String recordingDirectory() default "";

    @AttributeDefinition(name = "Call recordings kept (days)", min = "1", description = "How long the audio the exchange "
            + "records of each call is kept; the call's record in the log stays")
    int callRecordingRetentionDays() default 90;

    @AttributeDefinition(name = "Unused prompts kept (days)", min = "1", description = "Spoken prompts no call has used "
            + "for this long are deleted from the cache (they are spoken again when needed)")
    int promptCacheDays() default 30;

    @AttributeDefinition(name = "Text-to-speech command")
    String ttsCommand() default "espeak-ng";

    @AttributeDefinition(name = "Sound converter command")
    String soxCommand() default "sox";

    @AttributeDefinition(name = "Longest voice message (seconds)", min = "10")
    int maxRecordingSeconds() default 120;

    @AttributeDefinition(name = "Request type of voice messages")
    String voiceRequestType() default "information";

    @AttributeDefinition(name = "Seconds between queue announcements", min = "1", description = "How long the caller "
            + "hears music between two announcements of their position and wait")
    int announceEverySeconds() default 30;

    @AttributeDefinition(name = "Call-back offered after (seconds)", min = "0", description = "Past this wait in the "
            + "queue the caller may leave a call-back request instead of waiting")
    int callbackAfterSeconds() default 120;

    @AttributeDefinition(name = "Wrap-up (seconds)", min = "0", description = "How long an operator stays in wrap-up "
            + "after a call before taking the next")
    int wrapUpSeconds() default 30;

    @AttributeDefinition(name = "Average talk time (seconds)", min = "1", description = "Used to estimate the wait until "
            + "enough calls have been answered to measure it")
    int assumedTalkSeconds() default 180;

    @AttributeDefinition(description = "Service level: a call answered within this many seconds of joining the queue "
            + "is answered in time", min = "1")
    int serviceLevelSeconds() default 20;

    @AttributeDefinition(description = "Service level target in percent (80 in an 80/20 service level)", min = "1",
            max = "100")
    int serviceLevelTarget() default 80;

    @AttributeDefinition(description = "A caller hanging up within this many seconds of joining the queue is a short "
            + "abandon: counted apart, left out of the abandon rate and the service level", min = "0")
    int shortAbandonSeconds() default 5;

    @AttributeDefinition(name = "Operators' extensions and skills", required = false, description = "One entry per "
            + "operator, separated by commas: user = extension : skills (languages, topics, department codes), e.g. "
            + "ana = 201 : ro en general. Department staff get their department as a skill.")
    String operators() default "";
}
