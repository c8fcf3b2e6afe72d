// Versioned schema of the sandbox database (PRAGMA user_version). A migration is never
// edited once shipped: a change is a new entry. Secondary indexes are listed apart so the
// seeder can build them after the bulk load (a sorted build is far faster than 1M inserts).
// Billing group, dunning group and payment method IDs are only ever looked up within one
// account (through billing_groups_account / the payment_methods key), so they need no index.
import type { DatabaseSync } from 'node:sqlite';
import { DOC_COLUMNS } from '../search/doc';
import { reindexAccount } from '../store/contacts';
import { CATALOGUE_SQL, insertCatalogue } from '../core/catalogue';

/**
 * 'append': the seeder inserts in key order (sequences, time-ordered IDs), so the index is
 * kept up to date while loading at little cost. 'sort': built after the load.
 */
export interface IndexDef {
  sql: string;
  seedOrder: 'append' | 'sort';
}

export interface Migration {
  version: number;
  description: string;
  tables: string;
  indexes: IndexDef[];
  /** Data changes that need code, run in the migration's transaction after `tables`. */
  run?: (db: DatabaseSync) => void;
}

const V1_TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- Reference data: newspaper titles (owner titles, billing group titles) with translations.
CREATE TABLE titles (
  title_code TEXT PRIMARY KEY, title_domain TEXT NOT NULL UNIQUE,
  title_name TEXT NOT NULL, title_desc TEXT NOT NULL, name_trans_no INTEGER NOT NULL, desc_trans_no INTEGER NOT NULL
) WITHOUT ROWID;
-- One text per (translation, locale): NO-BOKMAL, NO-NYNORSK, NO-BOKMAL-A-ENDING.
CREATE TABLE translations (trans_no INTEGER NOT NULL, locale TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (trans_no, locale)) WITHOUT ROWID;
CREATE TABLE pay_options (
  pay_option_id TEXT PRIMARY KEY, payment_terms TEXT NOT NULL, payment_option TEXT NOT NULL,
  name TEXT NOT NULL, description TEXT NOT NULL, name_trans_no INTEGER NOT NULL, desc_trans_no INTEGER NOT NULL,
  new_account INTEGER NOT NULL, new_group INTEGER NOT NULL, request_sources TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE pay_option_variants (
  pay_option_id TEXT NOT NULL, variant_id TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
  name_trans_no INTEGER NOT NULL, desc_trans_no INTEGER NOT NULL, PRIMARY KEY (pay_option_id, variant_id)
) WITHOUT ROWID;
CREATE TABLE address_types (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE accounts (
  account_no INTEGER PRIMARY KEY,
  account_id TEXT, user_id TEXT,
  status INTEGER NOT NULL, banned INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL, balance_ore INTEGER NOT NULL DEFAULT 0,
  locale TEXT NOT NULL, language TEXT NOT NULL, notify_method TEXT NOT NULL,
  owner_title_code TEXT, customer_type TEXT NOT NULL,
  contact_no INTEGER NOT NULL, spec_mpi_no INTEGER,
  channel_code TEXT, reservation_code TEXT, reservation_code_date TEXT, source_code TEXT,
  consent_code TEXT, consent_code_date TEXT, taxpayer_id TEXT, tax_exemption TEXT,
  purchase_order_no TEXT, start_date TEXT NOT NULL, migrated_customer_id TEXT,
  bill_day INTEGER, request_source TEXT
);

-- Owner, statement and billing contacts. First and last name are NOCASE so that the
-- short-term (< 3 characters) prefix search can use their indexes.
CREATE TABLE contacts (
  contact_no INTEGER PRIMARY KEY, account_no INTEGER NOT NULL,
  first_name TEXT NOT NULL DEFAULT '' COLLATE NOCASE, middle_initials TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '' COLLATE NOCASE, full_name TEXT NOT NULL DEFAULT '',
  address_line1 TEXT NOT NULL DEFAULT '', address_line2 TEXT NOT NULL DEFAULT '', address_line3 TEXT NOT NULL DEFAULT '',
  country_code TEXT NOT NULL DEFAULT '', postal_code TEXT NOT NULL DEFAULT '', postal_city TEXT NOT NULL DEFAULT '',
  locality TEXT NOT NULL DEFAULT '', state_prov TEXT NOT NULL DEFAULT '',
  street_name TEXT NOT NULL DEFAULT '', street_no TEXT NOT NULL DEFAULT '',
  flat_no TEXT NOT NULL DEFAULT '', flat_spec TEXT NOT NULL DEFAULT '', flat_floor TEXT NOT NULL DEFAULT '', entrance_no TEXT NOT NULL DEFAULT '',
  home_phone TEXT NOT NULL DEFAULT '', cell_phone TEXT NOT NULL DEFAULT '', work_phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '', birth_date TEXT
);

CREATE TABLE billing_groups (
  bg_no INTEGER PRIMARY KEY, bg_id TEXT NOT NULL, account_no INTEGER NOT NULL, title_code TEXT,
  name TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, removed INTEGER NOT NULL DEFAULT 0,
  notify_method TEXT NOT NULL, payment_option TEXT NOT NULL, payment_terms TEXT NOT NULL, payment_term_id TEXT,
  ean_num TEXT, ean_req_num TEXT, pay_option_id TEXT, pay_option_variant TEXT,
  primary_pm_no INTEGER, backup_pm_no INTEGER, request_source TEXT, stmt_contact_no INTEGER NOT NULL,
  -- Its dunning group: exactly one per billing group, created, changed and removed with it.
  dg_no INTEGER NOT NULL, dg_id TEXT NOT NULL, dg_name TEXT NOT NULL, dg_description TEXT NOT NULL, dg_process_id TEXT NOT NULL
);

-- Card payment methods: brand, last four and expiry only. Never a full number or CVC.
-- Numbered per account (the spec's samples use ariaPaymentMethodNo 1).
CREATE TABLE payment_methods (
  account_no INTEGER NOT NULL, pm_no INTEGER NOT NULL, pm_id TEXT NOT NULL, pay_method_type TEXT NOT NULL,
  brand TEXT NOT NULL, last_four TEXT NOT NULL CHECK (length(last_four) = 4),
  exp_month INTEGER NOT NULL, exp_year INTEGER NOT NULL, bill_contact_no INTEGER, created_at INTEGER NOT NULL,
  PRIMARY KEY (account_no, pm_no)
) WITHOUT ROWID;

-- Master and supplemental plan instances; is_special marks the one made at account creation.
CREATE TABLE plan_instances (
  mpi_no INTEGER PRIMARY KEY, mpi_id TEXT NOT NULL, account_no INTEGER NOT NULL, parent_mpi_no INTEGER,
  plan_name TEXT NOT NULL, title_code TEXT, status TEXT NOT NULL, is_special INTEGER NOT NULL DEFAULT 0,
  bg_no INTEGER, created_at INTEGER NOT NULL
);

-- Delivery (distribution) addresses, numbered per account like the spec's distAddressNo.
CREATE TABLE delivery_addresses (
  account_no INTEGER NOT NULL, dist_address_no INTEGER NOT NULL, addr_type TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',
  line1 TEXT NOT NULL DEFAULT '', line2 TEXT NOT NULL DEFAULT '', line3 TEXT NOT NULL DEFAULT '', line4 TEXT NOT NULL DEFAULT '',
  co_addr TEXT NOT NULL DEFAULT '', city TEXT NOT NULL, postal_code TEXT NOT NULL, country_code TEXT NOT NULL,
  locality TEXT NOT NULL DEFAULT '', state_prov TEXT NOT NULL DEFAULT '', street_name TEXT NOT NULL DEFAULT '',
  street_no TEXT NOT NULL DEFAULT '', flat_no TEXT NOT NULL DEFAULT '', flat_spec TEXT NOT NULL DEFAULT '',
  flat_floor TEXT NOT NULL DEFAULT '', entrance_no TEXT NOT NULL DEFAULT '', publ_addr_no TEXT NOT NULL DEFAULT '',
  apartment_no TEXT NOT NULL DEFAULT '', directions TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (account_no, dist_address_no)
) WITHOUT ROWID;
-- Permanent address changes with their effective date; mpi_no NULL = the whole account.
CREATE TABLE perm_address_history (
  id INTEGER PRIMARY KEY, account_no INTEGER NOT NULL, mpi_no INTEGER, dist_address_no INTEGER NOT NULL,
  effective_at INTEGER NOT NULL, created_at INTEGER NOT NULL
);

-- Invoice / statement / KID references: search criteria of AcctSearchAccount.
CREATE TABLE invoices (
  invoice_no INTEGER PRIMARY KEY, account_no INTEGER NOT NULL, statement_no INTEGER NOT NULL,
  seq_statement_no INTEGER NOT NULL, kid TEXT NOT NULL, amount_ore INTEGER NOT NULL, invoice_date TEXT NOT NULL
);

CREATE TABLE comments (
  comment_no INTEGER PRIMARY KEY, account_no INTEGER NOT NULL, author TEXT NOT NULL, comment_at INTEGER NOT NULL,
  text TEXT NOT NULL, application_id TEXT, application_at INTEGER
);

-- Direct Post sessions of AcctPrepareCCUpdate: single use, expiring.
CREATE TABLE cc_sessions (
  session_id TEXT PRIMARY KEY, account_no INTEGER NOT NULL, created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL, used_at INTEGER, pm_no INTEGER
) WITHOUT ROWID;

-- One search document per account (owner contact, statement/billing emails and phones,
-- delivery addresses). Trigram: substring lookups for terms of 3+ characters.
CREATE VIRTUAL TABLE account_fts USING fts5(doc, content='', contentless_delete=1, tokenize='trigram', detail='none');
`;

const V1_INDEXES: IndexDef[] = [
  { sql: `CREATE UNIQUE INDEX accounts_account_id ON accounts(account_id) WHERE account_id IS NOT NULL`, seedOrder: 'append' },
  { sql: `CREATE UNIQUE INDEX accounts_user_id ON accounts(user_id) WHERE user_id IS NOT NULL`, seedOrder: 'sort' },
  { sql: `CREATE INDEX accounts_migrated ON accounts(migrated_customer_id) WHERE migrated_customer_id IS NOT NULL`, seedOrder: 'append' },
  { sql: `CREATE INDEX contacts_account ON contacts(account_no)`, seedOrder: 'append' },
  { sql: `CREATE INDEX contacts_last_name ON contacts(last_name)`, seedOrder: 'sort' },
  { sql: `CREATE INDEX contacts_first_name ON contacts(first_name)`, seedOrder: 'sort' },
  { sql: `CREATE INDEX billing_groups_account ON billing_groups(account_no)`, seedOrder: 'append' },
  { sql: `CREATE UNIQUE INDEX plan_instances_id ON plan_instances(mpi_id)`, seedOrder: 'append' },
  { sql: `CREATE INDEX plan_instances_account ON plan_instances(account_no)`, seedOrder: 'append' },
  { sql: `CREATE INDEX perm_address_account ON perm_address_history(account_no)`, seedOrder: 'append' },
  { sql: `CREATE INDEX invoices_statement ON invoices(statement_no)`, seedOrder: 'append' },
  { sql: `CREATE INDEX invoices_seq_statement ON invoices(seq_statement_no)`, seedOrder: 'append' },
  { sql: `CREATE INDEX invoices_kid ON invoices(kid)`, seedOrder: 'append' },
  { sql: `CREATE INDEX comments_account_time ON comments(account_no, comment_at)`, seedOrder: 'append' },
];

// v2: one search column per kind of criterion, so a first-name term no longer wades through
// every last name that contains it (detail=column keeps which column a trigram is in).
const V2_TABLES = `
DROP TABLE account_fts;
CREATE VIRTUAL TABLE account_fts USING fts5(${DOC_COLUMNS.join(', ')}, content='', contentless_delete=1, tokenize='trigram', detail='column');
`;

// v3: the replay window (signatures accepted within ±timeWindowMs) is kept in the database,
// so a signed request replayed after a restart is refused too (docs/decisions.md D21). Only
// a SHA-256 of each signature is kept, with its requestDateTime for pruning.
const V3_TABLES = `
CREATE TABLE replay_window (signature_sha256 BLOB PRIMARY KEY, request_at INTEGER NOT NULL) WITHOUT ROWID;
`;

// v4: ranked name search (docs/sandbox.md, "Ranking"). Name and city columns keep word
// boundaries (the document is rebuilt), and the words of names and cities are listed so a
// search can look up the words one typo away.
export const VOCAB_TABLE_SQL = `CREATE TABLE search_vocab (len INTEGER NOT NULL, word TEXT NOT NULL, PRIMARY KEY (len, word)) WITHOUT ROWID`;

// v5: Aria's core API (main/sandbox/core, docs/plans.md): the plan catalogue, and per plan
// instance the core state a change has set. NULL columns mean "as seeded": the seeded state
// is derived from the instance's plan name, title and number (core/instances.ts), so seeding
// a million accounts costs nothing more. Queued (dated) changes, invoice lines, history.
const V5_TABLES = `
${CATALOGUE_SQL}
ALTER TABLE plan_instances ADD COLUMN core_plan_no INTEGER;
ALTER TABLE plan_instances ADD COLUMN core_units REAL;
ALTER TABLE plan_instances ADD COLUMN core_schedule_no INTEGER;
ALTER TABLE plan_instances ADD COLUMN core_anchor TEXT;
ALTER TABLE plan_instances ADD COLUMN core_status_cd INTEGER;
ALTER TABLE plan_instances ADD COLUMN core_promo_cd TEXT;
ALTER TABLE plan_instances ADD COLUMN core_coupons TEXT;
ALTER TABLE plan_instances ADD COLUMN core_description TEXT;
CREATE TABLE core_plan_queue (
  queue_no INTEGER PRIMARY KEY, mpi_no INTEGER NOT NULL UNIQUE, account_no INTEGER NOT NULL, effective_date TEXT NOT NULL,
  directive INTEGER NOT NULL, change_json TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE INDEX core_plan_queue_account ON core_plan_queue(account_no);
CREATE TABLE core_invoice_lines (
  invoice_no INTEGER NOT NULL, line_no INTEGER NOT NULL, line_type TEXT NOT NULL, mpi_no INTEGER NOT NULL, plan_no INTEGER NOT NULL,
  units REAL NOT NULL, rate_ore INTEGER NOT NULL, amount_ore INTEGER NOT NULL, description TEXT NOT NULL,
  start_date TEXT NOT NULL, end_date TEXT NOT NULL, factor REAL NOT NULL,
  PRIMARY KEY (invoice_no, line_no)
) WITHOUT ROWID;
CREATE TABLE core_plan_history (
  id INTEGER PRIMARY KEY, mpi_no INTEGER NOT NULL, account_no INTEGER NOT NULL, changed_at INTEGER NOT NULL, effective_date TEXT NOT NULL,
  directive INTEGER NOT NULL, old_plan_no INTEGER NOT NULL, new_plan_no INTEGER NOT NULL, old_units REAL NOT NULL, new_units REAL NOT NULL,
  old_schedule_no INTEGER NOT NULL, new_schedule_no INTEGER NOT NULL, invoice_no INTEGER, client_receipt_id TEXT, comments TEXT, caller TEXT
);
CREATE INDEX core_plan_history_mpi ON core_plan_history(mpi_no);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'initial schema', tables: V1_TABLES, indexes: V1_INDEXES },
  {
    version: 2,
    description: 'search index with a column per criterion; dunning group numbers indexed (their sequence)',
    tables: V2_TABLES,
    indexes: [{ sql: 'CREATE INDEX billing_groups_dg ON billing_groups(dg_no)', seedOrder: 'append' }],
    // Its documents used to be rebuilt here; v4 rebuilds every document in the current form
    // (and needs its vocabulary table for that), so a v1 file is rebuilt once, there.
  },
  {
    version: 3,
    description: 'replay window kept in the database (accepted signatures survive restarts)',
    tables: V3_TABLES,
    indexes: [{ sql: 'CREATE INDEX replay_window_at ON replay_window(request_at)', seedOrder: 'append' }],
  },
  {
    version: 4,
    description: 'ranked name search: word boundaries in the name and city columns, the vocabulary of names and cities',
    tables: `${VOCAB_TABLE_SQL};`,
    // Surname + first name, both whole: the best tier of "Filip Hansen" is one index seek.
    indexes: [{ sql: 'CREATE INDEX contacts_last_first ON contacts(last_name, first_name)', seedOrder: 'sort' }],
    run: (db) => {
      const accounts = db.prepare('SELECT account_no FROM accounts ORDER BY account_no').all() as { account_no: number }[];
      for (const a of accounts) reindexAccount(db, a.account_no);
    },
  },
  {
    version: 5,
    description: "Aria core API: the plan catalogue, plan instances' core state, queued changes, invoice lines, history",
    tables: V5_TABLES,
    indexes: [],
    run: insertCatalogue,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: DatabaseSync): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

/**
 * Brings the schema up to date, one transaction per migration. With deferIndexes the
 * 'sort' indexes are returned instead of created (the seeder creates them after loading).
 */
export function applyMigrations(db: DatabaseSync, opts: { deferIndexes?: boolean } = {}): string[] {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION)
    throw new Error(`database schema version ${current} is newer than this sandbox (${SCHEMA_VERSION}); use a newer build or a new file`);
  const deferred: string[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(m.tables);
      m.run?.(db);
      for (const ix of m.indexes) {
        if (opts.deferIndexes && ix.seedOrder === 'sort') deferred.push(ix.sql);
        else db.exec(ix.sql);
      }
      db.exec(`PRAGMA user_version = ${m.version}`);
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  }
  return deferred;
}
