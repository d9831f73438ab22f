// @ts-check

/**
 * The conformance service's tables.
 *
 * - `codebases`: one row per Python codebase in the catalog, with the newest
 *   scan's score, level and failing checks copied in, so the organisation
 *   summary and the dashboard list are single-table queries.
 * - `results`: every stored result (scan or CI upload), with the report as
 *   JSON; score and level columns make history a narrow read.
 * - `failing_checks`: the failing checks of each codebase's newest scan, for
 *   "most failed checks" and the failing-check filter.
 * - `scan_queue`: projects waiting to be scanned, claimed with a lease, so a
 *   restart resumes where it stopped and two instances never scan one project
 *   twice.
 * - `scan_runs`: one row per scheduled sweep, for status and logs.
 * - `exemptions`: requests not to count one check until a date.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('codebases', table => {
    table.string('entity_ref', 255).primary();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('type', 32).nullable();
    table.string('owner', 255).nullable();
    table.text('maintainers').notNullable().defaultTo('[]');
    table.string('project_path', 512).nullable();
    table.string('search_text', 1024).notNullable().defaultTo('');
    table.string('project_web_url', 1024).nullable();
    table.string('default_branch', 255).nullable();
    table.string('scan_commit_id', 64).nullable();
    table.string('scan_rule_pack_version', 64).nullable();
    table.string('latest_result_id', 36).nullable();
    table.integer('score').nullable();
    table.string('level', 16).nullable();
    table.integer('failing').notNullable().defaultTo(0);
    table.text('failing_checks').notNullable().defaultTo('[]');
    table.text('trend').notNullable().defaultTo('[]');
    table.string('last_scan_at', 32).nullable();
    table.string('source', 16).nullable();
    table.text('last_error').nullable();
    table.string('last_error_at', 32).nullable();
    table.index(['owner'], 'codebases_owner_idx');
    table.index(['score'], 'codebases_score_idx');
    table.index(['level'], 'codebases_level_idx');
    table.index(['type'], 'codebases_type_idx');
    table.index(['project_path'], 'codebases_project_path_idx');
  });

  await knex.schema.createTable('results', table => {
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('source', 16).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('commit_id', 64).nullable();
    table.string('rule_pack_version', 64).notNullable();
    table.integer('score').notNullable();
    table.string('level', 16).notNullable();
    table.text('report').notNullable();
    table.index(['entity_ref', 'created_at'], 'results_entity_created_idx');
    table.index(['created_at'], 'results_created_idx');
  });

  await knex.schema.createTable('failing_checks', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 16).notNullable();
    table.primary(['entity_ref', 'check_id']);
    table.index(['check_id'], 'failing_checks_check_idx');
  });

  await knex.schema.createTable('scan_queue', table => {
    table.string('entity_ref', 255).primary();
    table.string('reason', 16).notNullable();
    table.string('queued_at', 32).notNullable();
    table.string('claimed_by', 64).nullable();
    table.string('lease_until', 32).nullable();
    table.integer('attempts').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('scan_runs', table => {
    table.string('id', 36).primary();
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32).nullable();
    table.string('trigger', 16).notNullable();
    table.integer('queued').notNullable().defaultTo(0);
    table.integer('scanned').notNullable().defaultTo(0);
    table.integer('unchanged').notNullable().defaultTo(0);
    table.integer('failed').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('exemptions', table => {
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 16).notNullable();
    table.text('reason').notNullable();
    table.string('expires_at', 32).notNullable();
    table.string('requested_by', 255).notNullable();
    table.string('requested_at', 32).notNullable();
    table.string('state', 16).notNullable();
    table.string('decided_by', 255).nullable();
    table.string('decided_at', 32).nullable();
    table.text('decision_comment').nullable();
    table.index(['entity_ref'], 'exemptions_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'exemptions',
    'scan_runs',
    'scan_queue',
    'failing_checks',
    'results',
    'codebases',
  ]) {
    await knex.schema.dropTable(table);
  }
};
