package org.civicdesk.request.internal;

import org.civicdesk.core.api.CityHall;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The city hall's name and portal from {@code etc/org.civicdesk.city.cfg}, for every bundle that names or links it. */
@Component(service = CityHall.class, configurationPid = ConfiguredCityHall.PID)
@Designate(ocd = ConfiguredCityHall.Config.class)
public class ConfiguredCityHall implements CityHall {
    static final String PID = "org.civicdesk.city";

    @ObjectClassDefinition(name = "CivicDesk city hall",
            description = "The city hall's name and its citizens' portal, as reports, receipts and e-mails show them.")
    public @interface Config {
        @AttributeDefinition(name = "cityName.ro", description = "The city hall's name in Romanian")
        String cityName_ro() default "Primăria";

        @AttributeDefinition(name = "cityName.en", description = "The city hall's name in English")
        String cityName_en() default "City Hall";

        @AttributeDefinition(name = "portalUrl",
                description = "The citizens' portal as the public reaches it; tracking links and QR codes point there")
        String portalUrl() default "http://localhost:8181/portal/";
    }

    private volatile Config config;

    @Activate
    public ConfiguredCityHall(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Override
    public String name(String language) {
        Config c = config;
        return "en".equals(language) ? c.cityName_en() : c.cityName_ro();
    }

    @Override
    public String portalUrl() {
        String portal = config.portalUrl();
        return portal == null ? "" : portal.strip();
    }
}
