package org.civicdesk.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * The registry's and the phone channel's tests again on PostgreSQL, against one container (on the first class's
 * database), as {@link SharedContainerIT} does on Derby.
 */
@RunWith(Suite.class)
@SuiteClasses({PostgresIT.class, PhonePostgresIT.class})
public class PostgresSuiteIT {
}
