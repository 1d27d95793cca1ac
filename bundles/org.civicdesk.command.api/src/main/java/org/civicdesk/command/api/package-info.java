/**
 * What plug-ins' shell commands share with the core's: who is running the command
 * ({@link org.civicdesk.command.api.ShellActor}) and the language it answers in
 * ({@link org.civicdesk.command.api.ShellText}).
 */
@Export
@Version("1.1.0")
package org.civicdesk.command.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
