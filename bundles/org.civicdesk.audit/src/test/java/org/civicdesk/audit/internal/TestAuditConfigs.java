package org.civicdesk.audit.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** The audit trail's set-up for unit tests: its configuration as DS would give it, and a directory of its own. */
final class TestAuditConfigs {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private TestAuditConfigs() {
    }

    /**
     * The key and the anchors in {@code dir}, sealing every {@code sealIntervalMillis}; no kind of information under the
     * confidentiality agreement (the tests of the chain record reads without one).
     */
    static AuditConfig config(Path dir, int sealIntervalMillis) {
        return config(dir, sealIntervalMillis, null);
    }

    /**
     * As {@link #config(Path, int)}, with the confidentiality agreement's {@code version} in force over the shipped
     * kinds of information, its text in {@code dir/agreement}.
     */
    static AuditConfig withAgreement(Path dir, String version) {
        return config(dir, 60_000, version);
    }

    /** As {@link #config(Path, int)}, summing the reads of {@code readActions}. */
    static AuditConfig withReadActions(Path dir, String... readActions) {
        AuditConfig base = config(dir, 60_000);
        return (AuditConfig) Proxy.newProxyInstance(AuditConfig.class.getClassLoader(), new Class<?>[] {AuditConfig.class},
                (proxy, method, args) -> method.getName().equals("readActions") ? readActions : method.invoke(base, args));
    }

    private static AuditConfig config(Path dir, int sealIntervalMillis, String agreementVersion) {
        return (AuditConfig) Proxy.newProxyInstance(AuditConfig.class.getClassLoader(), new Class<?>[] {AuditConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "keyFile" -> dir.resolve("keys").toString();
                    case "anchorDirectory" -> dir.resolve("anchors").toString();
                    case "anchorCopyDirectory" -> "";
                    case "anchorIntervalSeconds" -> 60;
                    case "sealIntervalMillis" -> sealIntervalMillis;
                    case "agreementVersion" -> agreementVersion == null ? "1" : agreementVersion;
                    case "agreementFolder" -> dir.resolve("agreement").toString();
                    case "agreementInfoKinds" -> agreementVersion == null ? new String[0] : method.getDefaultValue();
                    case "annotationType" -> AuditConfig.class;
                    default -> method.getDefaultValue();
                });
    }

    /** A database in memory of its own, new for each test. */
    static EmbeddedDataSource memoryDatabase() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:audit" + DATABASES.incrementAndGet());
        derby.setCreateDatabase("create");
        return derby;
    }

    /** Removes the test's directory and all in it. */
    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
