package org.civicdesk.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk operator console", description = "The map the console shows for pinning a request")
@interface ConsoleConfig {
    @AttributeDefinition(name = "Map centre latitude", min = "-90", max = "90")
    double mapCenterLat() default 47.6490;

    @AttributeDefinition(name = "Map centre longitude", min = "-180", max = "180")
    double mapCenterLon() default 26.2560;

    @AttributeDefinition(name = "Map width (km)", min = "0.2", max = "100", description = "How much of the city the map shows")
    double mapSpanKm() default 4.0;

    @AttributeDefinition(name = "Base layer", description = "GeoJSON of the city's streets (LineStrings with a 'name'), "
            + "served by this console or by the city's own map server; the default is the demo city's")
    String mapBaseLayer() default "/console/map/demo-streets.geojson";
}
