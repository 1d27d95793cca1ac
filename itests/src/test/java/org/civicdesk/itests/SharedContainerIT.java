package org.civicdesk.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * The classes that need nothing but the default configuration, against one container: a container's start costs
 * more than most of these classes' tests together. Its members use the {@code PerSuite} strategy (which takes the first
 * class's configuration for all of them, so a member never adds options of its own); each still runs alone with
 * {@code -Dit.test=CoreIT}. Each suite needs a test JVM of its own (Pax Exam keeps a suite's container in a static,
 * which a second suite in the same JVM would find stopped): the build does not reuse them.
 */
@RunWith(Suite.class)
@SuiteClasses({CoreIT.class, AccessIT.class, DocumentsIT.class, PhoneIT.class, EngagementIT.class, FeaturesIT.class})
public class SharedContainerIT {
}
