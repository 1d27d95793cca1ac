package org.civicdesk.channel.web.internal;

import org.civicdesk.core.api.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo municipality's well-known Open311 key, {@value #KEY}, named in the README so that
 * anyone can try the API. It follows the demo's own switch ({@code enabled} in
 * {@code etc/org.civicdesk.demo.cfg}): issued while the demo is on, revoked when it is turned off,
 * so a real installation never accepts it.
 */
@Component(configurationPid = "org.civicdesk.demo", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DemoOpen311Key {
    static final String KEY = "demo-open311-key";
    private static final Actor DEMO = Actor.system("demo");

    /** The demo's switch, read from the demo's configuration. */
    @interface DemoSwitch {
        boolean enabled() default false;
    }

    private final ApiKeys keys;

    @Activate
    public DemoOpen311Key(@Reference ApiKeys keys, DemoSwitch demo) {
        this.keys = keys;
        apply(demo);
    }

    @Modified
    void apply(DemoSwitch demo) {
        if (demo.enabled()) {
            keys.register(DEMO, "Demo key (demo mode only)", KEY);
        } else {
            keys.verify(KEY).ifPresent(key -> keys.revoke(DEMO, key.id()));
        }
    }
}
