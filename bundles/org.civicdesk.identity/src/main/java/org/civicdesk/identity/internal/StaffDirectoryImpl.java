package org.civicdesk.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.Department;
import org.civicdesk.identity.api.NewStaffAccount;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.persistence.JpaTransactions;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = StaffDirectory.class, configurationPid = StaffDirectoryImpl.PID)
@Designate(ocd = StaffDirectoryConfig.class)
public class StaffDirectoryImpl implements StaffDirectory {
    static final String PID = "org.civicdesk.identity.staff";
    /** The longest password taken: longer ones only make the slow hash slower. */
    static final int MAX_PASSWORD = 256;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,49}");
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,29}");

    private final JpaTransactions tx;
    private final AuditLog audit;
    private volatile PasswordHasher hasher;
    private volatile PasswordCheck passwords;
    private volatile RecentStaff recent;
    private volatile int minimumPasswordLength;

    @Activate
    public StaffDirectoryImpl(@Reference(target = "(osgi.unit.name=civicdesk-identity)") EntityManagerFactory emf,
            @Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference AuditLog audit, StaffDirectoryConfig config) {
        SchemaMigrations.update(dataSource, StaffDirectoryImpl.class);
        this.tx = new JpaTransactions(emf);
        this.audit = audit;
        modified(config);
    }

    @Modified
    void modified(StaffDirectoryConfig config) {
        this.hasher = new PasswordHasher(config.passwordIterations());
        this.passwords = new PasswordCheck(hasher, new CredentialCache(config.credentialCacheSeconds() * 1000L));
        this.minimumPasswordLength = config.minimumPasswordLength();
        this.recent = new RecentStaff(config.staffRecordCacheSeconds() * 1000L);
    }

    @Override
    public Optional<StaffAccount> authenticate(String username, char[] password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<RecentStaff.StaffRecord> staff = record(username).filter(r -> r.account().enabled());
        if (!passwords.verify(username, staff.map(RecentStaff.StaffRecord::passwordHash).orElse(null), password)) {
            return Optional.empty();
        }
        return staff.map(RecentStaff.StaffRecord::account);
    }

    @Override
    public Optional<StaffAccount> find(String username) {
        return username == null ? Optional.empty() : record(username).map(RecentStaff.StaffRecord::account);
    }

    private Optional<RecentStaff.StaffRecord> record(String username) {
        return recent.get(username, name -> tx.read(em -> Optional.ofNullable(em.find(StaffEntity.class, name))
                .map(e -> new RecentStaff.StaffRecord(e.toDto(), e.getPasswordHash()))));
    }

    @Override
    public List<StaffAccount> list() {
        return tx.read(em -> em.createQuery("SELECT s FROM StaffEntity s ORDER BY s.username", StaffEntity.class)
                .getResultList().stream().map(StaffEntity::toDto).toList());
    }

    @Override
    public StaffAccount create(Actor admin, NewStaffAccount account) {
        requireAdmin(admin);
        if (account.username() == null || !USERNAME.matcher(account.username()).matches()) {
            throw InvalidInputException.of("username", "staff.username");
        }
        if (account.displayName() == null || account.displayName().isBlank()) {
            throw InvalidInputException.of("displayName", "staff.displayName");
        }
        Set<Role> roles = account.roles() == null ? Set.of() : account.roles();
        checkPlace(account.department(), roles);
        // System actors (the demo seeder) may set short initial passwords; people may not.
        if (admin.isSystem()) {
            requireNonBlank(account.password());
        } else {
            checkPassword(account.password());
        }
        String hash = hasher.hash(account.password());
        StaffAccount created;
        try {
            created = tx.call(em -> {
                if (em.find(StaffEntity.class, account.username()) != null) {
                    throw new ConflictException("the user name " + account.username() + " is taken");
                }
                StaffEntity entity = new StaffEntity(account.username(), account.displayName().trim(), account.email(),
                        account.department(), roles, hash);
                em.persist(entity);
                audited(em, new AuditEvent(admin.username(), "staff.create", "staff-account", "staff",
                        account.username(), "roles=" + roles + " department=" + account.department()));
                return entity.toDto();
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("the user name " + account.username() + " is taken");
            }
            throw e;
        }
        return created;
    }

    @Override
    public StaffAccount assign(Actor admin, String username, String department, Set<Role> roles) {
        requireAdmin(admin);
        Set<Role> given = roles == null ? Set.of() : Set.copyOf(roles);
        String code = department == null || department.isBlank() ? null : department.strip();
        checkPlace(code, given);
        StaffAccount changed = tx.call(em -> {
            StaffEntity entity = existing(em.find(StaffEntity.class, username), username);
            entity.assign(code, given);
            audited(em, new AuditEvent(admin.username(), "staff.assign", "staff-account", "staff", username,
                    "roles=" + given + " department=" + code));
            return entity.toDto();
        });
        recent.forget(username);
        return changed;
    }

    /** The rules of an account's roles and department: one role at least, and a known department where one is needed. */
    private void checkPlace(String department, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw InvalidInputException.of("roles", "staff.roles");
        }
        if ((roles.contains(Role.EMPLOYEE) || roles.contains(Role.SUPERVISOR) || roles.contains(Role.CONTRACTOR))
                && department == null) {
            throw InvalidInputException.of("department", "staff.department");
        }
        if (department != null && department(department).isEmpty()) {
            throw InvalidInputException.of("department", "staff.departmentUnknown", department);
        }
    }

    @Override
    public StaffAccount setEnabled(Actor admin, String username, boolean enabled) {
        requireAdmin(admin);
        StaffAccount changed = tx.call(em -> {
            StaffEntity entity = existing(em.find(StaffEntity.class, username), username);
            entity.setEnabled(enabled);
            audited(em, new AuditEvent(admin.username(), enabled ? "staff.enable" : "staff.disable", "staff-account",
                    "staff", username, null));
            return entity.toDto();
        });
        passwords.forget(username);
        recent.forget(username);
        return changed;
    }

    @Override
    public void resetPassword(Actor admin, String username, char[] newPassword) {
        requireAdmin(admin);
        checkPassword(newPassword);
        String hash = hasher.hash(newPassword);
        tx.run(em -> {
            existing(em.find(StaffEntity.class, username), username).setPasswordHash(hash);
            audited(em, new AuditEvent(admin.username(), "staff.password-reset", "staff-account", "staff", username, null));
        });
        passwords.forget(username);
        recent.forget(username);
    }

    @Override
    public List<Department> departments() {
        return tx.read(em -> em.createQuery("SELECT d FROM DepartmentEntity d ORDER BY d.code", DepartmentEntity.class)
                .getResultList().stream().map(DepartmentEntity::toDto).toList());
    }

    @Override
    public Optional<Department> department(String code) {
        return tx.read(em -> Optional.ofNullable(em.find(DepartmentEntity.class, code)).map(DepartmentEntity::toDto));
    }

    @Override
    public Department saveDepartment(Actor admin, Department department) {
        requireAdmin(admin);
        if (department.code() == null || !DEPARTMENT_CODE.matcher(department.code()).matches()) {
            throw InvalidInputException.of("code", "department.code");
        }
        if (department.name() == null || department.name().isBlank()) {
            throw InvalidInputException.of("name", "department.name");
        }
        Department saved = tx.call(em -> {
            DepartmentEntity entity = em.find(DepartmentEntity.class, department.code());
            if (entity == null) {
                entity = new DepartmentEntity(department.code(), department.name().trim());
                em.persist(entity);
            } else {
                entity.rename(department.name().trim());
            }
            audited(em, new AuditEvent(admin.username(), "department.save", "department", "department", department.code(),
                    department.name().trim()));
            return entity.toDto();
        });
        return saved;
    }

    /** Writes the change's audit entry in the change's own transaction: both commit, or neither. */
    private void audited(EntityManager em, AuditEvent event) {
        JpaTransactions.onConnection(em, c -> audit.record(c, event, null));
    }

    private void checkPassword(char[] password) {
        if (password == null || password.length < minimumPasswordLength) {
            throw InvalidInputException.of("password", "staff.passwordLength", minimumPasswordLength);
        }
        requireNonBlank(password);
    }

    private static void requireNonBlank(char[] password) {
        if (password == null || new String(password).isBlank()) {
            throw InvalidInputException.of("password", "staff.passwordBlank");
        }
        requireTypable(password);
    }

    /**
     * What a person can type, and no more than a slow hash should be given: no control characters, no half of a
     * surrogate pair, at most {@link #MAX_PASSWORD} characters.
     */
    static void requireTypable(char[] password) {
        if (password.length > MAX_PASSWORD) {
            throw InvalidInputException.of("password", "staff.passwordLong", MAX_PASSWORD);
        }
        for (int i = 0; i < password.length; i++) {
            char c = password[i];
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < password.length
                    && Character.isLowSurrogate(password[++i]) : !Character.isLowSurrogate(c);
            if (Character.isISOControl(c) || !paired) {
                throw InvalidInputException.of("password", "staff.passwordCharacters");
            }
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator manages staff accounts and departments");
        }
    }

    private static StaffEntity existing(StaffEntity entity, String username) {
        if (entity == null) {
            throw new NotFoundException("no staff account " + username);
        }
        return entity;
    }
}
