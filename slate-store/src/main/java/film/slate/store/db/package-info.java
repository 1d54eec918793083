/**
 * The database: SQLite by default (WAL, busy timeout), migrated by Flyway from
 * {@code db/migration/sqlite} (PostgreSQL twin in {@code db/migration/postgresql}). One small
 * class per table; a write that changes more than one table is one transaction.
 */
package film.slate.store.db;
