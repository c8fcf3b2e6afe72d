// Row shapes of the sandbox tables (db/migrations.ts), as node:sqlite returns them.

export interface ContactRow {
  contact_no: number;
  account_no: number;
  first_name: string;
  middle_initials: string;
  last_name: string;
  full_name: string;
  address_line1: string;
  address_line2: string;
  address_line3: string;
  country_code: string;
  postal_code: string;
  postal_city: string;
  locality: string;
  state_prov: string;
  street_name: string;
  street_no: string;
  flat_no: string;
  flat_spec: string;
  flat_floor: string;
  entrance_no: string;
  home_phone: string;
  cell_phone: string;
  work_phone: string;
  email: string;
  birth_date: string | null;
}

export const CONTACT_COLUMNS = [
  'contact_no', 'account_no', 'first_name', 'middle_initials', 'last_name', 'full_name', 'address_line1', 'address_line2',
  'address_line3', 'country_code', 'postal_code', 'postal_city', 'locality', 'state_prov', 'street_name', 'street_no',
  'flat_no', 'flat_spec', 'flat_floor', 'entrance_no', 'home_phone', 'cell_phone', 'work_phone', 'email', 'birth_date',
] as const satisfies readonly (keyof ContactRow)[];

export interface AccountRow {
  account_no: number;
  account_id: string | null;
  user_id: string | null;
  status: number;
  banned: number;
  currency: string;
  balance_ore: number;
  locale: string;
  language: string;
  notify_method: string;
  owner_title_code: string | null;
  customer_type: string;
  contact_no: number;
  spec_mpi_no: number | null;
  channel_code: string | null;
  reservation_code: string | null;
  reservation_code_date: string | null;
  source_code: string | null;
  consent_code: string | null;
  consent_code_date: string | null;
  taxpayer_id: string | null;
  tax_exemption: string | null;
  purchase_order_no: string | null;
  start_date: string;
  migrated_customer_id: string | null;
  bill_day: number | null;
  request_source: string | null;
}

export interface BillingGroupRow {
  bg_no: number;
  bg_id: string;
  account_no: number;
  title_code: string | null;
  name: string;
  description: string;
  status: string;
  removed: number;
  notify_method: string;
  payment_option: 'TERMS' | 'METHODS';
  payment_terms: string;
  payment_term_id: string | null;
  ean_num: string | null;
  ean_req_num: string | null;
  pay_option_id: string | null;
  pay_option_variant: string | null;
  primary_pm_no: number | null;
  backup_pm_no: number | null;
  request_source: string | null;
  stmt_contact_no: number;
  dg_no: number;
  dg_id: string;
  dg_name: string;
  dg_description: string;
  dg_process_id: string;
}

export interface PaymentMethodRow {
  account_no: number;
  pm_no: number;
  pm_id: string;
  pay_method_type: string;
  brand: string;
  last_four: string;
  exp_month: number;
  exp_year: number;
  bill_contact_no: number | null;
  created_at: number;
}

export interface PlanInstanceRow {
  mpi_no: number;
  mpi_id: string;
  account_no: number;
  parent_mpi_no: number | null;
  plan_name: string;
  title_code: string | null;
  status: string;
  is_special: number;
  bg_no: number | null;
  created_at: number;
}

export interface DeliveryAddressRow {
  account_no: number;
  dist_address_no: number;
  addr_type: string;
  name: string;
  line1: string;
  line2: string;
  line3: string;
  line4: string;
  co_addr: string;
  city: string;
  postal_code: string;
  country_code: string;
  locality: string;
  state_prov: string;
  street_name: string;
  street_no: string;
  flat_no: string;
  flat_spec: string;
  flat_floor: string;
  entrance_no: string;
  publ_addr_no: string;
  apartment_no: string;
  directions: string;
}

export interface TitleRow {
  title_code: string;
  title_domain: string;
  title_name: string;
  title_desc: string;
  name_trans_no: number;
  desc_trans_no: number;
}

export interface PayOptionRow {
  pay_option_id: string;
  payment_terms: string;
  payment_option: 'TERMS' | 'METHODS';
  name: string;
  description: string;
  name_trans_no: number;
  desc_trans_no: number;
  new_account: number;
  new_group: number;
  request_sources: string;
}

export interface CommentRow {
  comment_no: number;
  account_no: number;
  author: string;
  comment_at: number;
  text: string;
  application_id: string | null;
  application_at: number | null;
}
