/**
 * What the city hall tells and asks its citizens, on every channel alike: announcements valid
 * for a time window (shown on the portal, read out by the phone robot) and local polls and
 * referendums (R14), in which each eligible citizen votes once, whatever the channel.
 */
@Export
@Version("1.0.0")
package org.civicdesk.engagement.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
