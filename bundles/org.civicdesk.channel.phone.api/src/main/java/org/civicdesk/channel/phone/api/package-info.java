/**
 * What the phone channel lets other bundles plug in: the steps of the phone robot's menu
 * ({@link org.civicdesk.channel.phone.api.RobotStep}, run with a
 * {@link org.civicdesk.channel.phone.api.RobotCall}), and a speech-to-text service that transcribes
 * the voice messages callers leave with the robot; and the call centre's facts for reports
 * ({@link org.civicdesk.channel.phone.api.CallCentreStatistics}); and {@link org.civicdesk.channel.phone.api.ExternalCommand},
 * which runs the programs its audio goes through.
 */
@Export
@Version("1.4.0")
package org.civicdesk.channel.phone.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
