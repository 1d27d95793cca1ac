package org.civicdesk.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * The classes that play clients behind the city's reverse proxy (Open311 and the logins), against one container with
 * the configuration of the first: the proxy trusted, reports of waste answered with a token.
 */
@RunWith(Suite.class)
@SuiteClasses({Open311IT.class, LoginIT.class})
public class TrustedProxySuiteIT {
}
