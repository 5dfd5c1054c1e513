/**
 * The PostgreSQL every contestant reads: a private cluster started on a free loopback port as an
 * unprivileged user and removed at the end ({@link dev.stackbench.lab.db.EmbeddedPostgres}), or an
 * existing server named by {@code --db-url} ({@link dev.stackbench.lab.db.ExternalPostgres}); both
 * hold the {@code users} table of docs/api.md ({@link dev.stackbench.lab.db.UsersTable}).
 */
package dev.stackbench.lab.db;
