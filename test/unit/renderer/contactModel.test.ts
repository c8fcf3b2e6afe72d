// The contact edit's request: fullName plus what changed, compared after the shared rules
// normalised it; literal expectations (not the model's own helpers).
import { describe, expect, it } from 'vitest';
import { contactChanges, contactEditSchema, contactToValues, modifyContactAction } from '../../../renderer/features/account/contactModel';

const stored = contactToValues({
  fullName: 'Kari Nordmann',
  firstName: 'Kari',
  lastName: 'Nordmann',
  cellPhone: '+4791234567',
  homePhone: '',
  emailAddress: 'kari@example.no',
  postalCode: '0999', // a seeded code the register does not know (D42)
  postalCity: 'OSLO',
  countryCode: 'NO',
  birthDate: '1970-05-17',
});

function parse(contact: ReturnType<typeof contactToValues>) {
  return contactEditSchema(stored).safeParse({ contact });
}

describe('contact edit model', () => {
  it('sends fullName and the new phone only; an unknown old postal code does not block it', () => {
    const r = parse({ ...stored, cellPhone: '934 56 789' });
    expect(r.success).toBe(true);
    const sent = r.data!.contact;
    const changes = contactChanges(stored, sent);
    expect(changes).toEqual([{ path: 'cellPhone', before: '+4791234567', after: '+4793456789' }]);
    expect(modifyContactAction(42, sent, changes)).toEqual({
      actionDirective: 'MODIFY',
      acctManageAccountDetailsMODIFY: { ariaAccountNo: 42, ownerContactDetails: { fullName: 'Kari Nordmann', cellPhone: '+4793456789' } },
    });
  });

  it('the same number written another way is no change', () => {
    const r = parse({ ...stored, cellPhone: '0047 912 34 567' });
    expect(contactChanges(stored, r.data!.contact)).toEqual([]);
  });

  it('a changed postal code sends the postal group and fills the poststed from the register', () => {
    const r = parse({ ...stored, postalCode: '5003', postalCity: '' });
    expect(r.success).toBe(true);
    const changes = contactChanges(stored, r.data!.contact);
    expect(changes).toEqual([
      { path: 'postalCode', before: '0999', after: '5003' },
      { path: 'postalCity', before: 'OSLO', after: 'BERGEN' },
    ]);
    const action = modifyContactAction(42, r.data!.contact, changes) as { acctManageAccountDetailsMODIFY: { ownerContactDetails: Record<string, unknown> } };
    expect(action.acctManageAccountDetailsMODIFY.ownerContactDetails).toEqual({ fullName: 'Kari Nordmann', postalCode: '5003', postalCity: 'BERGEN', countryCode: 'NO' });
  });

  it('errors name the field: a bad phone, a date that does not exist, no name', () => {
    const r = parse({ ...stored, cellPhone: '12ab', birthDate: '1970-02-31', fullName: ' ' });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['contact.birthDate', 'contact.cellPhone', 'contact.fullName']);
  });

  it('clearing a phone sends it empty, clearing the birth date sends null', () => {
    const r = parse({ ...stored, cellPhone: '', birthDate: '' });
    expect(r.success).toBe(true);
    const changes = contactChanges(stored, r.data!.contact);
    expect(changes.map((c) => [c.path, c.after])).toEqual([['cellPhone', null], ['birthDate', null]]);
    const action = modifyContactAction(42, r.data!.contact, changes) as { acctManageAccountDetailsMODIFY: { ownerContactDetails: Record<string, unknown> } };
    expect(action.acctManageAccountDetailsMODIFY.ownerContactDetails).toEqual({ fullName: 'Kari Nordmann', cellPhone: '', birthDate: null });
  });
});
