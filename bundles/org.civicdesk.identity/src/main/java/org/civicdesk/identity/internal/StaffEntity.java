package org.civicdesk.identity.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffAccount;

@Entity
@Table(name = "CD_STAFF")
public class StaffEntity {
    @Id
    @Column(name = "USERNAME", length = 50)
    private String username;
    @Column(name = "DISPLAY_NAME", nullable = false, length = 200)
    private String displayName;
    @Column(name = "EMAIL", length = 200)
    private String email;
    @Column(name = "DEPARTMENT", length = 30)
    private String department;
    /** Comma-separated role ids. */
    @Column(name = "ROLES", nullable = false, length = 200)
    private String roles;
    @Column(name = "PASSWORD_HASH", nullable = false, length = 200)
    private String passwordHash;
    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    protected StaffEntity() {
    }

    StaffEntity(String username, String displayName, String email, String department, Set<Role> roles,
            String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.department = department;
        this.roles = roles.stream().map(Role::id).sorted().collect(Collectors.joining(","));
        this.passwordHash = passwordHash;
        this.enabled = true;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void assign(String department, Set<Role> roles) {
        this.department = department;
        this.roles = roles.stream().map(Role::id).sorted().collect(Collectors.joining(","));
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    StaffAccount toDto() {
        Set<Role> parsed = roles.isEmpty() ? Set.of()
                : Arrays.stream(roles.split(",")).map(Role::parse)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new StaffAccount(username, displayName, email, department, parsed, enabled);
    }
}
