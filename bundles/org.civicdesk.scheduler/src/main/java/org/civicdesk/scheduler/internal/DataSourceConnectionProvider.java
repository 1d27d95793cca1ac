package org.civicdesk.scheduler.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.quartz.utils.ConnectionProvider;

/**
 * CivicDesk's pooled DataSource as Quartz's connection provider: Quartz uses the pool pax-jdbc
 * configured, and needs no pool of its own (c3p0, HikariCP).
 */
final class DataSourceConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;

    DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the pool belongs to pax-jdbc
    }

    @Override
    public void initialize() {
        // nothing to set up: the DataSource is ready when given
    }
}
