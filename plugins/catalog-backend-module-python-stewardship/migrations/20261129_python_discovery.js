// @ts-check

/**
 * State of GitLab discovery of Python codebases, kept in the catalog
 * plugin's database (this module's own migrations table, so the catalog's
 * migrations are never touched).
 *
 * - `python_discovery_projects`: what the last scan learned about each
 *   project of a provider: the list fields that say whether it changed
 *   (last activity, default branch), the default branch's commit, the
 *   classification, owner and maintainers, and the emitted entity (null when
 *   the project is not a Python codebase). A restarted backend, or another
 *   instance on the same database, reads no project whose list fields match.
 * - `python_discovery_runs`: one row per scan or event update, for the scan
 *   status (when, how long, projects seen, changed, failed, requests).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('python_discovery_projects', table => {
    table.string('provider_id', 255).notNullable();
    table.bigInteger('project_id').notNullable();
    table.string('path_with_namespace', 1024).notNullable();
    table.string('last_activity_at', 64).notNullable();
    table.string('default_branch', 255).nullable();
    table.string('commit_id', 64).nullable();
    table.boolean('python').notNullable();
    table.string('type', 32).nullable();
    table.string('owner', 255).nullable();
    table.text('maintainers').notNullable().defaultTo('[]');
    table.text('scan').notNullable();
    table.text('entity').nullable();
    table.string('scanned_at', 64).notNullable();
    table.primary(['provider_id', 'project_id']);
  });
  await knex.schema.createTable('python_discovery_runs', table => {
    table.increments('id');
    table.string('provider_id', 255).notNullable();
    table.string('kind', 16).notNullable();
    table.string('started_at', 64).notNullable();
    table.integer('duration_ms').notNullable();
    table.string('outcome', 16).notNullable();
    table.integer('projects_seen').notNullable();
    table.integer('projects_changed').notNullable();
    table.integer('projects_failed').notNullable();
    table.integer('requests').notNullable();
    table.integer('components').notNullable();
    table.text('error').nullable();
    table.index(['provider_id', 'id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('python_discovery_runs');
  await knex.schema.dropTable('python_discovery_projects');
};
