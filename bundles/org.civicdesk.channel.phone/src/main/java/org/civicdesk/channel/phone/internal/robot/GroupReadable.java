package org.civicdesk.channel.phone.internal.robot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes files CivicDesk writes for the exchange readable by the exchange's group and nobody
 * else: files {@code 0640}, directories {@code 2750} (set-group-ID, so that what is created in
 * them gets the directory's group). The exchange runs as another user (Asterisk as
 * {@code asterisk}); without this it could not read a prompt made {@code 0600} by
 * {@link Files#createTempFile}. On a file system without POSIX permissions it does nothing.
 */
final class GroupReadable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupReadable.class);
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r-----");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-x---");
    /** {@code 2750}: {@link #DIRECTORY} with the set-group-ID bit, which {@link PosixFilePermission} cannot say. */
    static final int DIRECTORY_MODE = 02750;

    private final String groupName;
    /** The group to give files, or {@code null} to keep the group they are created with. */
    private final GroupPrincipal group;

    /**
     * @param groupName the group that must read the files, e.g. {@code asterisk}; empty or {@code null} keeps
     *                  the group files are created with (CivicDesk's own, or the directory's when it is 2750)
     */
    GroupReadable(Path directory, String groupName) {
        this.groupName = groupName == null || groupName.isBlank() ? null : groupName.strip();
        this.group = this.groupName == null ? null : lookUp(directory, this.groupName);
    }

    private static GroupPrincipal lookUp(Path directory, String name) {
        try {
            return directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
        } catch (UserPrincipalNotFoundException e) {
            LOG.error("There is no group '{}' on this machine: the exchange may not be able to read the files in {}",
                    name, directory);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot look up the group '{}': {}", name, e.toString());
        }
        return null;
    }

    /** The directory: group-readable, set-group-ID so that its new files are the group's. */
    void directory(Path directory) {
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            setGroup(view);
            try {
                Files.setAttribute(directory, "unix:mode", DIRECTORY_MODE);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // A JDK without the "unix" view: the permissions without the set-group-ID bit.
                view.setPermissions(DIRECTORY);
            }
        } catch (IOException e) {
            LOG.warn("Cannot make {} readable by the group {}: {}", directory, groupName, e.toString());
        }
    }

    /** A file: read-write for CivicDesk, read-only for the group, nothing for others. */
    void file(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            setGroup(view);
            view.setPermissions(FILE);
        } catch (IOException e) {
            LOG.warn("Cannot make {} readable by the group {}: {}", file.getFileName(), groupName, e.toString());
        }
    }

    private void setGroup(PosixFileAttributeView view) throws IOException {
        if (group != null && !group.equals(view.readAttributes().group())) {
            view.setGroup(group);
        }
    }
}
