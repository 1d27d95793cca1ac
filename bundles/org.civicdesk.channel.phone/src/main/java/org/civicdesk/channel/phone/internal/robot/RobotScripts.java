package org.civicdesk.channel.phone.internal.robot;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/**
 * The robot's script from {@code etc/org.civicdesk.channel.phone.ivr.cfg}, read again whenever
 * the file changes; a call in progress keeps the script it started with. A script with a
 * mistake is refused whole, naming the mistake, and the previous one stays in use.
 */
@Component(service = RobotScripts.class, configurationPid = RobotScripts.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class RobotScripts {
    public static final String PID = "org.civicdesk.channel.phone.ivr";

    private volatile RobotScript current;

    @Activate
    public RobotScripts(Map<String, Object> properties) {
        this.current = RobotScript.read(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        this.current = RobotScript.read(properties);
    }

    public RobotScript current() {
        return current;
    }
}
