// One line of data that says which change an outbox item is, for the pending list: the
// comment's beginning, the group's name, the address. The kind of change is put in words
// by the renderer (i18n); this line carries only what the operator typed or chose.
import { actionWords, type Command } from '../../../shared/commands';
import { describeCreate } from './accountCreate';

const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function describeItem(cmd: Command): string {
  switch (cmd.type) {
    case 'comment.add':
      return clip(cmd.text.replace(/\s+/g, ' ').trim());
    case 'billingGroup.add':
      return clip(cmd.group.billingGroupName?.trim() || cmd.group.paymentTermInfo?.paymentTerms || '');
    case 'billingGroup.modify':
    case 'billingGroup.remove': {
      const g = cmd.group as { billingGroupName?: string | null; ariaBillingGroupID?: string | null; ariaBillingGroupNo?: number | null };
      const label = cmd.type === 'billingGroup.remove' ? cmd.label : g.billingGroupName;
      return clip(label?.trim() || g.ariaBillingGroupID || String(g.ariaBillingGroupNo ?? ''));
    }
    case 'address.changePerm': {
      const c = cmd.change;
      if (c.distAddressNo) return `#${c.distAddressNo}${c.ariaMPINo ? ` → ${c.ariaMPINo}` : ''}`;
      const a = c.acctDeliveryAddress;
      const street = [a?.distStreetName ?? a?.distAddrLine1, a?.distStreetNo].filter((x) => x !== null && x !== undefined && String(x).trim()).join(' ');
      return clip([street, [a?.distAddrPostalCode, a?.distAddrCity].filter(Boolean).join(' ')].filter(Boolean).join(', '));
    }
    case 'account.manage':
      // What was typed (a contact's new values, new IDs) or chosen (a status in words), never the directive codes.
      return clip(
        cmd.actions
          .map((a) => {
            if (a.actionDirective === 'MODIFY') {
              const c = (a.acctManageAccountDetailsMODIFY.ownerContactDetails ?? {}) as Record<string, unknown>;
              const typed = Object.entries(c).filter(([k, v]) => k !== 'fullName' && typeof v === 'string' && v.trim()).map(([, v]) => String(v));
              return typed.length ? typed.join(' ') : String(c.fullName ?? actionWords(cmd.lang ?? 'en', a));
            }
            if (a.actionDirective === 'ASSIGN') {
              const d = a.acctManageAccountDetailsASSIGN;
              return [d.newAriaAccountID, d.newUserID].filter((x) => x && x.trim()).join(' ');
            }
            return actionWords(cmd.lang ?? 'en', a);
          })
          .join(', '),
      );
    case 'card.complete':
      return String(cmd.billingGroupId ?? cmd.billingGroupNo ?? '');
    case 'account.create':
      return clip(describeCreate(cmd));
    case 'plan.replace':
      return clip(cmd.before && cmd.preview ? `${cmd.before.plan} → ${cmd.preview.plan}` : `${cmd.planInstanceNo} → ${cmd.newPlanNo}`);
  }
}
