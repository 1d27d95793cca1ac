package org.civicdesk.identity.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Staff accounts and departments. Passwords are stored only as slow salted hashes
 * (PBKDF2-HMAC-SHA256). Changes are made by an admin actor and audited.
 */
@ProviderType
public interface StaffDirectory {

    /** Checks a user name and password; empty when either is wrong or the account is disabled. */
    Optional<StaffAccount> authenticate(String username, char[] password);

    Optional<StaffAccount> find(String username);

    List<StaffAccount> list();

    /**
     * Creates an account.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for a bad name, role, department or a weak password
     * @throws org.civicdesk.core.api.ConflictException     when the user name is taken
     */
    StaffAccount create(Actor admin, NewStaffAccount account);

    /**
     * Gives an account other roles or another department, by the rules {@link #create} keeps: at least one role, and a
     * department for employees, supervisors and contractors.
     *
     * @param department the department's code, or {@code null} for none
     * @throws org.civicdesk.core.api.InvalidInputException for no role or an unknown or missing department
     * @throws org.civicdesk.core.api.NotFoundException     when there is no such account
     * @since 1.10
     */
    StaffAccount assign(Actor admin, String username, String department, Set<Role> roles);

    /** Enables or disables an account; a disabled account cannot log in. */
    StaffAccount setEnabled(Actor admin, String username, boolean enabled);

    /** Replaces the password of an account. */
    void resetPassword(Actor admin, String username, char[] newPassword);

    List<Department> departments();

    Optional<Department> department(String code);

    /** Creates a department, or renames it if the code exists. */
    Department saveDepartment(Actor admin, Department department);
}
