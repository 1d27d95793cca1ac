package org.civicdesk.audit.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The audit trail's set-up for unit tests: its configuration as DS would give it, and a directory of its own. */
final class TestAuditConfigs {
    private TestAuditConfigs() {
    }

    /** The key and the anchors in {@code dir}, sealing every {@code sealIntervalMillis}. */
    static AuditConfig config(Path dir, int sealIntervalMillis) {
        return (AuditConfig) Proxy.newProxyInstance(AuditConfig.class.getClassLoader(), new Class<?>[] {AuditConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "keyFile" -> dir.resolve("keys").toString();
                    case "anchorDirectory" -> dir.resolve("anchors").toString();
                    case "anchorCopyDirectory" -> "";
                    case "anchorIntervalSeconds" -> 60;
                    case "sealIntervalMillis" -> sealIntervalMillis;
                    case "annotationType" -> AuditConfig.class;
                    default -> method.getDefaultValue();
                });
    }

    /** Removes the test's directory and all in it. */
    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
