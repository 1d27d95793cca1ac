package org.civicdesk.report.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk report files",
        description = "What every report file (CSV, XLSX, PDF) says of who made it")
@interface RendererConfig {
    @AttributeDefinition(name = "cityName.ro", description = "The city hall's name in Romanian, at the top of every file")
    String cityName_ro() default "Primăria";

    @AttributeDefinition(name = "cityName.en", description = "The city hall's name in English")
    String cityName_en() default "City Hall";
}
