package org.civicdesk.metrics.internal;

import java.lang.annotation.Annotation;

/** Configurations for tests. */
final class MetricsConfigs {
    private MetricsConfigs() {
    }

    static MetricsConfig of(String token, boolean jvm) {
        return new MetricsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MetricsConfig.class;
            }

            @Override
            public String scrapeToken() {
                return token;
            }

            @Override
            public String[] dataSourcePools() {
                return new String[] {"civicdesk"};
            }

            @Override
            public boolean jvm() {
                return jvm;
            }
        };
    }
}
