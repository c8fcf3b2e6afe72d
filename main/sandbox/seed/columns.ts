// Column lists of the seeded tables, in the order seed/generate.ts produces their rows.
import { CONTACT_COLUMNS } from '../store/rows';

export const ACCOUNT_COLUMNS = [
  'account_no', 'account_id', 'user_id', 'status', 'banned', 'currency', 'balance_ore', 'locale', 'language', 'notify_method',
  'owner_title_code', 'customer_type', 'contact_no', 'spec_mpi_no', 'channel_code', 'reservation_code', 'reservation_code_date',
  'source_code', 'consent_code', 'consent_code_date', 'taxpayer_id', 'tax_exemption', 'purchase_order_no', 'start_date',
  'migrated_customer_id', 'bill_day', 'request_source',
] as const;

export const MAIN_TABLES = {
  contacts: CONTACT_COLUMNS,
  billing_groups: [
    'bg_no', 'bg_id', 'account_no', 'title_code', 'name', 'description', 'status', 'notify_method', 'payment_option', 'payment_terms',
    'payment_term_id', 'ean_num', 'ean_req_num', 'pay_option_id', 'pay_option_variant', 'primary_pm_no', 'backup_pm_no',
    'request_source', 'stmt_contact_no', 'dg_no', 'dg_id', 'dg_name', 'dg_description', 'dg_process_id',
  ],
  payment_methods: ['account_no', 'pm_no', 'pm_id', 'pay_method_type', 'brand', 'last_four', 'exp_month', 'exp_year', 'bill_contact_no', 'created_at'],
  delivery_addresses: ['account_no', 'dist_address_no', 'addr_type', 'name', 'line1', 'street_name', 'street_no', 'city', 'postal_code', 'country_code'],
  perm_address_history: ['account_no', 'mpi_no', 'dist_address_no', 'effective_at', 'created_at'],
} as const;

/**
 * Tables a helper thread can load on a file of its own while the main thread loads the
 * others; the main thread then copies them over (seed/sideBuild.ts).
 */
export const SIDE_TABLES = {
  plan_instances: ['mpi_no', 'mpi_id', 'account_no', 'parent_mpi_no', 'plan_name', 'title_code', 'status', 'is_special', 'bg_no', 'created_at'],
  invoices: ['invoice_no', 'account_no', 'statement_no', 'seq_statement_no', 'kid', 'amount_ore', 'invoice_date'],
  comments: ['comment_no', 'account_no', 'author', 'comment_at', 'text', 'application_id', 'application_at'],
} as const;
export type SideTable = keyof typeof SIDE_TABLES;
