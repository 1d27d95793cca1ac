/**
 * What the phone channel lets other bundles plug in: a speech-to-text service that transcribes
 * the voice messages callers leave with the robot.
 */
@Export
@Version("1.0.0")
package org.civicdesk.channel.phone.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
