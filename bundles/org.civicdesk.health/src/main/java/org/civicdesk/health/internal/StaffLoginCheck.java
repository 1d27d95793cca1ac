package org.civicdesk.health.internal;

import javax.security.auth.login.Configuration;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.civicdesk.core.api.Role;
import org.civicdesk.health.api.Health;
import org.civicdesk.identity.api.StaffDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Ready once staff can log in: the JAAS realm {@value #REALM} (which the API, the console and
 * the shell log in through) is registered, and the staff directory answers with an enabled
 * administrator — on a first start, the demo seeder creates the administrator last.
 */
@Component(property = {HealthCheck.NAME + "=" + StaffLoginCheck.NAME, HealthCheck.TAGS + "=" + Health.READY})
public class StaffLoginCheck implements HealthCheck {
    static final String NAME = "Staff can log in";
    static final String REALM = "civicdesk";

    /** Optional, so that the check reports the directory's absence instead of vanishing with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StaffDirectory staff;

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        if (Configuration.getConfiguration().getAppConfigurationEntry(REALM) == null) {
            log.temporarilyUnavailable("The JAAS realm {} is not registered yet", REALM);
            return new Result(log);
        }
        StaffDirectory directory = staff;
        if (directory == null) {
            log.temporarilyUnavailable("The staff directory is not running");
            return new Result(log);
        }
        try {
            if (directory.list().stream().anyMatch(a -> a.enabled() && a.roles().contains(Role.ADMIN))) {
                log.info("Realm {} registered, an administrator can log in", REALM);
            } else {
                log.temporarilyUnavailable("No enabled administrator account yet (the demo is being seeded, or create "
                        + "one with civicdesk:staff-add)");
            }
        } catch (RuntimeException e) {
            // Only the type: the message may name an account.
            log.critical("The staff directory cannot be read: {}", e.getClass().getName());
        }
        return new Result(log);
    }
}
