package org.civicdesk.identity.internal.jaas;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.civicdesk.identity.api.StaffDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The JAAS realm {@value #REALM}, backed by the staff directory, so that the REST API, the
 * console and the Karaf shell (ssh) log in with the same accounts. Karaf loads the login module
 * through its proxy from this bundle; the directory reaches it through the module options.
 */
@Component(service = JaasRealm.class)
public class StaffJaasRealm implements JaasRealm {
    public static final String REALM = "civicdesk";

    private final AppConfigurationEntry[] entries;

    @Activate
    public StaffJaasRealm(@Reference StaffDirectory directory, BundleContext context) {
        Map<String, Object> options = Map.of(
                ProxyLoginModule.PROPERTY_MODULE, StaffLoginModule.class.getName(),
                ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()),
                BundleContext.class.getName(), context,
                StaffLoginModule.DIRECTORY_OPTION, directory);
        this.entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
