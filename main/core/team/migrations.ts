// The team store's schema, as versioned migrations. Each is applied once, in order, in its
// own transaction, by the owner role (docs/team-store.md); team.schema_version records the
// version, name and sha256 of every applied migration, so an edited migration is noticed.
// Never edit a migration that has shipped: add the next one. The SQL is kept in TypeScript
// (not .sql files) so the bundled desktop app carries it.
//
// Roles (made before the first migration, see docs/team-store.md):
//   csr_team_desk        NOLOGIN group of the desks' login roles: INSERT audit rows, read operators
//   csr_team_supervisor  NOLOGIN group of supervisors (and audit:verify): read audit rows, desks,
//                        operators without their password hashes
//   csr_team_directory   NOLOGIN group of directory admins: add and change operators
// The owner (whoever runs the migrations) owns every object; no role is granted UPDATE,
// DELETE or TRUNCATE on the audit tables, and a trigger refuses them even to the owner.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const TEAM_SCHEMA = 'team';
export const TEAM_ROLES = { desk: 'csr_team_desk', supervisor: 'csr_team_supervisor', directory: 'csr_team_directory' } as const;

const m001 = `
DO $roles$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['${TEAM_ROLES.desk}', '${TEAM_ROLES.supervisor}', '${TEAM_ROLES.directory}'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      RAISE EXCEPTION 'The role % does not exist: create the team roles first (docs/team-store.md, "Roles")', r;
    END IF;
  END LOOP;
END
$roles$;

CREATE SCHEMA IF NOT EXISTS team;
REVOKE ALL ON SCHEMA team FROM PUBLIC;

-- One row per desk that ever shipped: the head of its chain as the store holds it, and the
-- database role it ships under (the first role to ship for a desk id claims it).
CREATE TABLE team.desks (
  desk_id text PRIMARY KEY CHECK (length(desk_id) BETWEEN 1 AND 200),
  db_role name NOT NULL,
  first_received_at timestamptz NOT NULL DEFAULT now(),
  last_seq bigint NOT NULL DEFAULT 0,
  last_hash text NOT NULL DEFAULT '',
  last_received_at timestamptz
);

-- Every shipped entry. A desk sends two things: 'entry', the canonical JSON of its
-- AuditEntry without 'hash' (decision D2's canonicalJson: keys sorted, no whitespace), and
-- 'hash'. The insert trigger checks sha256(entry) = hash and the chain, then derives every
-- other column from the entry itself, so no column can disagree with what the hash covers.
-- 'entry' is text, kept byte for byte (json/jsonb would refuse \\u0000 and lone surrogates,
-- which would leave such an entry unshippable); the derived columns read it with those
-- escapes replaced by U+FFFD.
CREATE TABLE team.audit_entries (
  entry text NOT NULL,
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- Derived by the insert trigger (whatever a desk sends for them is overwritten):
  desk_id text NOT NULL,
  seq bigint NOT NULL CHECK (seq >= 1),
  prev_hash text NOT NULL CHECK (prev_hash = '' OR prev_hash ~ '^[0-9a-f]{64}$'),
  at text NOT NULL CHECK (at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$'),
  at_ts timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('intent', 'outcome', 'event')),
  operator jsonb,
  operator_id text,
  operator_name text,
  operator_role text,
  action text NOT NULL,
  account_no bigint,
  request_id text,
  profile text,
  before jsonb,
  after jsonb,
  outcome text CHECK (outcome IN ('APPLIED', 'REJECTED', 'QUEUED', 'UNKNOWN', 'PARKED', 'DISCARDED')),
  reason text,
  detail jsonb,
  search_text text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (desk_id, seq),
  CONSTRAINT audit_entries_hash_key UNIQUE (hash),
  FOREIGN KEY (desk_id) REFERENCES team.desks (desk_id)
);

-- The chain check. SECURITY DEFINER so that a desk, which may only INSERT (entry, hash)
-- into audit_entries, can have the store read and advance the head in team.desks;
-- search_path is pinned so nothing on the caller's path is ever run with the owner's rights.
CREATE FUNCTION team.audit_entry_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  j jsonb;
  d team.desks%ROWTYPE;
  held record;
BEGIN
  IF NEW.entry IS NULL OR NEW.hash IS NULL THEN
    RAISE EXCEPTION 'an audit entry needs its entry text and hash' USING ERRCODE = 'CSR05';
  END IF;
  IF encode(sha256(convert_to(NEW.entry, 'UTF8')), 'hex') <> NEW.hash THEN
    RAISE EXCEPTION 'entry hash % is not the sha256 of its entry text', NEW.hash USING ERRCODE = 'CSR05';
  END IF;
  BEGIN
    j := NEW.entry::jsonb;
  EXCEPTION WHEN others THEN
    BEGIN
      j := regexp_replace(NEW.entry, '\\\\u(0000|[dD][89a-fA-F][0-9a-fA-F]{2})', '\\\\ufffd', 'g')::jsonb;
    EXCEPTION WHEN others THEN
      RAISE EXCEPTION 'entry % is not JSON', NEW.hash USING ERRCODE = 'CSR05';
    END;
  END;
  IF jsonb_typeof(j) <> 'object' OR j ? 'hash' OR jsonb_typeof(j -> 'deskId') <> 'string' OR jsonb_typeof(j -> 'seq') <> 'number'
     OR jsonb_typeof(j -> 'prevHash') <> 'string' OR jsonb_typeof(j -> 'at') <> 'string' OR jsonb_typeof(j -> 'action') <> 'string' THEN
    RAISE EXCEPTION 'entry % is not an audit entry (deskId, seq, prevHash, at, action, no hash)', NEW.hash USING ERRCODE = 'CSR05';
  END IF;
  NEW.desk_id := j ->> 'deskId';
  NEW.seq := (j ->> 'seq')::bigint;
  NEW.prev_hash := j ->> 'prevHash';

  -- Serialise per desk: the head row stays locked until this transaction ends.
  SELECT * INTO d FROM team.desks WHERE desk_id = NEW.desk_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO team.desks (desk_id, db_role) VALUES (NEW.desk_id, session_user) ON CONFLICT (desk_id) DO NOTHING;
    SELECT * INTO d FROM team.desks WHERE desk_id = NEW.desk_id FOR UPDATE;
  END IF;
  IF d.db_role <> session_user THEN
    RAISE EXCEPTION 'desk % ships as database role %, not %', NEW.desk_id, d.db_role, session_user USING ERRCODE = 'CSR03';
  END IF;
  -- Idempotent by hash: an entry the store already holds is skipped, not an error.
  SELECT desk_id, seq INTO held FROM team.audit_entries WHERE hash = NEW.hash;
  IF FOUND THEN
    RETURN NULL;
  END IF;
  IF NEW.seq <= d.last_seq THEN
    RAISE EXCEPTION 'desk % sent another entry % than the one the store holds: its history was rewritten', NEW.desk_id, NEW.seq
      USING ERRCODE = 'CSR01';
  END IF;
  IF NEW.seq <> d.last_seq + 1 THEN
    RAISE EXCEPTION 'desk % sent entry % but the store holds up to %: entries are missing', NEW.desk_id, NEW.seq, d.last_seq
      USING ERRCODE = 'CSR02';
  END IF;
  IF NEW.prev_hash <> d.last_hash THEN
    RAISE EXCEPTION 'desk % entry % does not follow entry % the store holds (its previous hash differs): its history was rewritten',
      NEW.desk_id, NEW.seq, d.last_seq USING ERRCODE = 'CSR01';
  END IF;
  UPDATE team.desks SET last_seq = NEW.seq, last_hash = NEW.hash, last_received_at = now() WHERE desk_id = NEW.desk_id;

  NEW.at := j ->> 'at';
  NEW.at_ts := (j ->> 'at')::timestamptz;
  NEW.kind := j ->> 'kind';
  NEW.operator := CASE WHEN jsonb_typeof(j -> 'operator') = 'object' THEN j -> 'operator' END;
  NEW.operator_id := NEW.operator ->> 'id';
  NEW.operator_name := NEW.operator ->> 'displayName';
  NEW.operator_role := NEW.operator ->> 'role';
  NEW.action := j ->> 'action';
  NEW.account_no := CASE WHEN jsonb_typeof(j -> 'accountNo') = 'number' THEN (j ->> 'accountNo')::numeric::bigint END;
  NEW.request_id := j ->> 'requestId';
  NEW.profile := j ->> 'profile';
  NEW.before := j -> 'before';
  NEW.after := j -> 'after';
  NEW.outcome := j ->> 'outcome';
  NEW.reason := j ->> 'reason';
  NEW.detail := j -> 'detail';
  NEW.search_text := concat_ws(' ', NEW.action, NEW.reason, NEW.operator_name, NEW.before::text, NEW.after::text, NEW.detail::text);
  NEW.received_at := now();
  RETURN NEW;
END
$fn$;
REVOKE ALL ON FUNCTION team.audit_entry_check() FROM PUBLIC;

CREATE TRIGGER audit_entry_check BEFORE INSERT ON team.audit_entries
  FOR EACH ROW EXECUTE FUNCTION team.audit_entry_check();

-- History is append-only, for the owner too (the owner could drop this trigger; nobody
-- else can, and verify still catches an edit by recomputing hashes).
CREATE FUNCTION team.refuse_change() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  RAISE EXCEPTION 'the team audit is append-only: % on % is refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'CSR04';
END
$fn$;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON team.audit_entries
  FOR EACH ROW EXECUTE FUNCTION team.refuse_change();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON team.audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION team.refuse_change();

-- The team's operator directory. Only password hashes (scrypt, in the desk's own format)
-- are stored, never a password.
CREATE TABLE team.operators (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
  password_hash text NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  disabled boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by name NOT NULL DEFAULT session_user
);
CREATE FUNCTION team.operator_stamp() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  NEW.updated_at := now();
  NEW.updated_by := session_user;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER operators_stamp BEFORE INSERT OR UPDATE ON team.operators FOR EACH ROW EXECUTE FUNCTION team.operator_stamp();

-- The supervisor's filters (see scripts/bench-team.ts for the figures behind these).
CREATE INDEX audit_entries_at ON team.audit_entries (at_ts DESC);
CREATE INDEX audit_entries_operator_at ON team.audit_entries (operator_id, at_ts DESC);
CREATE INDEX audit_entries_account_at ON team.audit_entries (account_no, at_ts DESC) WHERE account_no IS NOT NULL;
CREATE INDEX audit_entries_no_reason ON team.audit_entries (at_ts DESC)
  WHERE kind = 'intent' AND action NOT LIKE 'comment.%' AND (reason IS NULL OR btrim(reason) = '');
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA team;
CREATE INDEX audit_entries_text ON team.audit_entries USING gin (search_text team.gin_trgm_ops);

-- Privileges: nothing by default, then exactly what each group needs.
REVOKE ALL ON ALL TABLES IN SCHEMA team FROM PUBLIC;
GRANT USAGE ON SCHEMA team TO ${TEAM_ROLES.desk}, ${TEAM_ROLES.supervisor}, ${TEAM_ROLES.directory};
GRANT SELECT ON team.schema_version TO ${TEAM_ROLES.desk}, ${TEAM_ROLES.supervisor}, ${TEAM_ROLES.directory};

GRANT INSERT (entry, hash) ON team.audit_entries TO ${TEAM_ROLES.desk};
GRANT SELECT ON team.operators TO ${TEAM_ROLES.desk};

GRANT SELECT ON team.audit_entries, team.desks TO ${TEAM_ROLES.supervisor};
GRANT SELECT (id, display_name, role, disabled, updated_at, updated_by) ON team.operators TO ${TEAM_ROLES.supervisor};

GRANT SELECT, INSERT, UPDATE (display_name, role, password_hash, disabled) ON team.operators TO ${TEAM_ROLES.directory};
`;

// Counts per operator per day read only the index (scripts/bench-team.ts: 0.4 s → see docs).
const m002 = `
CREATE INDEX audit_entries_intent_day ON team.audit_entries (at_ts) INCLUDE (operator_id, operator_name, action) WHERE kind = 'intent';
`;

// Reviews (supervisor workspace, issue 9; decisions D74, D75). A review or an acknowledgement
// is an audit entry of the desk where it was made ('event', review.reviewed / review.flagged /
// review.acknowledged, its target named in detail.target), shipped like every entry. These
// indexes find them by the entry they name; team.feedback_for_operator is the one read path a
// desk role has into the audit: an operator's reviewed entries, their reviews and the
// operator's acknowledgements — nothing about anyone else's work. Which operator is asked
// for is the desk's to decide (it signs the operator in); see docs/team-store.md.
const m003 = `
CREATE INDEX audit_entries_review_target ON team.audit_entries ((detail -> 'target' ->> 'hash'))
  WHERE kind = 'event' AND action LIKE 'review.%';
CREATE INDEX audit_entries_review_operator ON team.audit_entries ((detail -> 'target' ->> 'operatorId'))
  WHERE kind = 'event' AND action LIKE 'review.%';
CREATE INDEX audit_entries_ack_operator ON team.audit_entries (operator_id)
  WHERE kind = 'event' AND action = 'review.acknowledged';

CREATE FUNCTION team.feedback_for_operator(p_operator text) RETURNS TABLE (entry text, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
  WITH r AS (
    SELECT rv.entry, rv.hash, rv.detail -> 'target' ->> 'hash' AS target
      FROM team.audit_entries rv
     WHERE rv.kind = 'event' AND rv.action LIKE 'review.%' AND rv.action IN ('review.reviewed', 'review.flagged')
       AND (rv.detail -> 'target' ->> 'operatorId') = p_operator
  ), t AS (
    -- Only entries that really are this operator's: a review naming another's entry shows nothing.
    SELECT te.entry, te.hash FROM team.audit_entries te
     WHERE te.hash IN (SELECT r.target FROM r) AND te.operator_id = p_operator AND te.kind = 'intent'
  )
  SELECT t.entry, t.hash FROM t
  UNION ALL
  SELECT r.entry, r.hash FROM r WHERE r.target IN (SELECT t.hash FROM t)
  UNION ALL
  SELECT a.entry, a.hash FROM team.audit_entries a
   WHERE a.kind = 'event' AND a.action = 'review.acknowledged' AND a.operator_id = p_operator
$fn$;
REVOKE ALL ON FUNCTION team.feedback_for_operator(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION team.feedback_for_operator(text) TO ${TEAM_ROLES.desk}, ${TEAM_ROLES.supervisor};
`;

// Migration 4 (load, docs/team-store.md; independent of migration 3, which the supervisor
// workspace adds): (1) comments and changes per operator per Oslo day, kept by a statement
// trigger on every shipment, so the chart's counts read one row per operator-day instead of
// every entry (the team works in Norway; other time zones and part days count the entries).
// A comment is an 'intent' entry whose action starts with 'comment.' or is 'reason.add' (the
// reason for a change, kept as its own comment, D24); a change any other 'intent'. (2) Finer
// statistics on search_text, so the planner's estimate of how many entries a text matches —
// which searchTeamAudit uses to choose its plan — is right to about 0.1 % instead of 1 %.
const m004 = `
CREATE TABLE team.operator_day_counts (
  day date NOT NULL,
  operator_id text NOT NULL,
  operator_name text,
  comments bigint NOT NULL DEFAULT 0,
  changes bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, operator_id)
);
COMMENT ON TABLE team.operator_day_counts IS 'Comments and changes per operator per Europe/Oslo day, maintained by the audit_entries_counts trigger';
CREATE INDEX operator_day_counts_operator ON team.operator_day_counts (operator_id, day);

CREATE FUNCTION team.operator_day_counts_add() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  -- Ordered by key, so two shipments touching the same rows lock them in the same order.
  INSERT INTO team.operator_day_counts AS c (day, operator_id, operator_name, comments, changes)
  SELECT (n.at_ts AT TIME ZONE 'Europe/Oslo')::date, n.operator_id, max(n.operator_name),
         count(*) FILTER (WHERE n.action LIKE 'comment.%' OR n.action = 'reason.add'),
         count(*) FILTER (WHERE n.action NOT LIKE 'comment.%' AND n.action <> 'reason.add')
    FROM new_rows n
   WHERE n.kind = 'intent' AND n.operator_id IS NOT NULL
   GROUP BY 1, 2
   ORDER BY 1, 2
  ON CONFLICT (day, operator_id) DO UPDATE
     SET comments = c.comments + EXCLUDED.comments,
         changes = c.changes + EXCLUDED.changes,
         operator_name = GREATEST(c.operator_name, EXCLUDED.operator_name);
  RETURN NULL;
END
$fn$;
REVOKE ALL ON FUNCTION team.operator_day_counts_add() FROM PUBLIC;
CREATE TRIGGER audit_entries_counts AFTER INSERT ON team.audit_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION team.operator_day_counts_add();

-- What the store already holds (the trigger counts from now on, in this same transaction).
LOCK TABLE team.audit_entries IN SHARE MODE;
INSERT INTO team.operator_day_counts (day, operator_id, operator_name, comments, changes)
SELECT (at_ts AT TIME ZONE 'Europe/Oslo')::date, operator_id, max(operator_name),
       count(*) FILTER (WHERE action LIKE 'comment.%' OR action = 'reason.add'),
       count(*) FILTER (WHERE action NOT LIKE 'comment.%' AND action <> 'reason.add')
  FROM team.audit_entries
 WHERE kind = 'intent' AND operator_id IS NOT NULL
 GROUP BY 1, 2;

REVOKE ALL ON team.operator_day_counts FROM PUBLIC;
GRANT SELECT ON team.operator_day_counts TO ${TEAM_ROLES.supervisor};

ALTER TABLE team.audit_entries ALTER COLUMN search_text SET STATISTICS 1000;
ANALYZE team.audit_entries;
`;

/** Every migration this app knows, in order. The last one's version is the schema this app needs. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'desks, audit entries with the chain check, operators, roles', sql: m001 },
  { version: 2, name: 'covering index for counts per operator per day', sql: m002 },
  { version: 3, name: 'reviews: indexes and feedback_for_operator for desks', sql: m003 },
  // Version 3 is the supervisor workspace's (reviews); 4 does not depend on it.
  { version: 4, name: 'counts per operator per Oslo day kept by a trigger; finer text statistics', sql: m004 },
];

export const KNOWN_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
