/**
 * What plug-ins' shell commands share with the core's: who is running the command
 * ({@link org.civicdesk.command.api.ShellActor}).
 */
@Export
@Version("1.0.0")
package org.civicdesk.command.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
