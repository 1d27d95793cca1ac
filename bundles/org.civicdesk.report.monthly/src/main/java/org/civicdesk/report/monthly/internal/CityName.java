package org.civicdesk.report.monthly.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The city hall's name as the report files give it, read from the report files' own configuration
 * ({@code etc/org.civicdesk.report.cfg}) so that the message and its files name the city the same way. A component of
 * its own (a service of this bundle only): the mailer's configuration carries its metatype, which takes one PID.
 */
@Component(service = CityName.class, configurationPid = "org.civicdesk.report")
public class CityName {
    /** The keys of {@code etc/org.civicdesk.report.cfg} read here. */
    @interface Names {
        String cityName_ro() default "Primăria";

        String cityName_en() default "City Hall";
    }

    private volatile Names names;

    @Activate
    public CityName(Names names) {
        this.names = names;
    }

    @Modified
    void modified(Names changed) {
        this.names = changed;
    }

    /** The name in {@code language} ({@code en}, or Romanian for anything else). */
    public String in(String language) {
        Names n = names;
        return "en".equals(language) ? n.cityName_en() : n.cityName_ro();
    }
}
