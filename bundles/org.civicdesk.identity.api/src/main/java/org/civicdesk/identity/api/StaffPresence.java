package org.civicdesk.identity.api;

import java.time.Instant;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where staff can be reached now, as one part of CivicDesk knows it: the phone queue its operators' presence and
 * extensions, the console who is logged in. Registered as a service by each part; the staff directory shows what
 * every source says, and a source that is uninstalled simply says nothing more.
 *
 * @since 1.8
 */
@ConsumerType
public interface StaffPresence {
    /** What this source knows now of each staff member it knows, by user name. */
    Map<String, Presence> now();

    /**
     * One staff member's presence as a source knows it.
     *
     * @param source    which part of CivicDesk says it, e.g. {@code phone}, {@code console}
     * @param state     the source's word for it, e.g. {@code available}, {@code on_call}, {@code online}
     * @param extension the desk phone's extension, where the source knows it; {@code null} otherwise
     * @param since     since when, where the source knows it; {@code null} otherwise
     */
    record Presence(String source, String state, String extension, Instant since) {
    }
}
