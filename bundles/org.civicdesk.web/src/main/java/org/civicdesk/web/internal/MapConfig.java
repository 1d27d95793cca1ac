package org.civicdesk.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.civicdesk.map.cfg}: the city map every CivicDesk page draws. */
@ObjectClassDefinition(name = "CivicDesk city map", description = "The map on which operators and citizens pin a place")
@interface MapConfig {
    @AttributeDefinition(name = "Map centre latitude", min = "-90", max = "90")
    double centerLat() default 47.6490;

    @AttributeDefinition(name = "Map centre longitude", min = "-180", max = "180")
    double centerLon() default 26.2560;

    @AttributeDefinition(name = "Map width (km)", min = "0.2", max = "100", description = "How much of the city the map shows")
    double spanKm() default 4.0;

    @AttributeDefinition(name = "Base layer", description = "GeoJSON of the city's streets (LineStrings with a 'name'), "
            + "served by this Karaf; the default is the demo city's, shipped with CivicDesk")
    String baseLayer() default "/web/demo-streets.geojson";

    @AttributeDefinition(name = "Tile server", required = false, description = "The city's own raster tile server, as a "
            + "URL with {z}, {x} and {y}, e.g. https://tiles.primaria.ro/{z}/{x}/{y}.png, drawn under the streets; "
            + "empty for none (the map then needs no network at all)")
    String tileUrl() default "";
}
