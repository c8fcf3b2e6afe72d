import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/ipc';
import { PermAddressPanel } from '../../../renderer/features/permAddress/PermAddressPanel';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { installFakeCsr, renderUi, type FakeCsr } from './harness';

const info = (permanentNo: number) => ({
  ariaAccountNo: 7,
  deliveryAddresses: [
    { distAddressNo: 11, distAddrType: 'HOME', distStreetName: 'Storgata', distStreetNo: '1', distAddrPostalCode: '0155', distAddrCity: 'Oslo', distAddrCountryCode: 'NO', isPermanent: permanentNo === 11 },
    { distAddressNo: 12, distAddrType: 'CABIN', distStreetName: 'Fjellveien', distStreetNo: '3', distAddrPostalCode: '3580', distAddrCity: 'Geilo', distAddrCountryCode: 'NO', isPermanent: permanentNo === 12 },
  ],
  planInstances: [
    { ariaMPINo: 900, ariaMPIID: 'MPI-900', planName: 'Aftenposten Digital', status: 'ACTIVE', isSpecial: false, distAddressNo: null },
    { ariaMPINo: 901, ariaMPIID: 'MPI-901', planName: 'SPECIAL', status: 'ACTIVE', isSpecial: true, distAddressNo: null },
  ],
  addressTypes: [
    { code: 'HOME', name: 'Home' },
    { code: 'CABIN', name: 'Hytteadresse' },
  ],
});

/** Types a whole date into a date picker (its hidden input takes the text, as autofill does). */
function typeDate(root: HTMLElement, name: string, text: string) {
  const input = root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  fireEvent.change(input, { target: { value: text } });
}

// Long form-filling cases: generous on a loaded machine (jsdom + MUI typing runs ~10 s there).
describe('permanent address change', { timeout: 60_000 }, () => {
  let csr: FakeCsr;
  let permanent = 11;
  beforeEach(() => {
    permanent = 11;
    csr = installFakeCsr({ 'address.deliveryInfo': () => ok(info(permanent)) });
    useWorkspace.getState().open(7, 'Kari');
  });

  it('changes to an existing delivery address for the account, shows before → after, and the number used', async () => {
    csr.handle('address.changePerm', () => {
      permanent = 12;
      return ok({ outcome: 'APPLIED', requestId: 'r1', distAddressNo: 12, reason: { outcome: 'APPLIED', requestId: 'r2' } });
    });
    renderUi(<PermAddressPanel accountNo={7} active />);
    await waitFor(() => expect(screen.getByTestId('perm-address')).toHaveAttribute('data-state', 'ready'));
    expect(screen.getByTestId('permanent-address-text')).toHaveTextContent('Storgata 1, 0155 Oslo');
    expect(screen.queryByText('SPECIAL')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Change permanent address' }));
    const wizard = screen.getByTestId('perm-address-wizard');
    await userEvent.click(screen.getByTestId('perm-address-next'));
    expect(await within(wizard).findByText('Choose an address.')).toBeInTheDocument();
    await userEvent.click(within(wizard).getByRole('radio', { name: /#12/ }));
    await userEvent.click(screen.getByTestId('perm-address-next'));
    typeDate(wizard, 'dateEffective', '01/12/2030');
    await userEvent.click(screen.getByTestId('perm-address-next'));
    const table = within(wizard).getByTestId('changes-table');
    // What the agent picked, in words: the address itself and the type's name, not "12" or "CABIN".
    expect(table).toHaveTextContent('Address numberStorgata 1, 0155 Oslo→Fjellveien 3, 3580 Geilo');
    expect(table).toHaveTextContent('Address › Address typeHome→Cabin address');
    expect(table).toHaveTextContent('Address › CityOslo→Geilo');
    await userEvent.type(within(wizard).getByTestId('reason'), 'Moved to the cabin');
    await userEvent.click(screen.getByTestId('perm-address-confirm'));
    await waitFor(() =>
      expect(csr.inputs('address.changePerm')).toMatchObject([{ accountNo: 7, change: { ariaAccountNo: 7, distAddressNo: 12, dateEffective: '2030-12-01' }, reason: 'Moved to the cabin', lang: 'en' }]),
    );
    const sent = csr.inputs('address.changePerm')[0] as { before: unknown; changes: Array<{ path: string }> };
    expect(sent.before).toEqual({ permanentAddressNo: 11, addressNos: [11, 12] });
    // The values as they are, with the words the agent confirmed for the reason comment.
    expect(sent.changes[0]).toEqual({ path: 'distAddressNo', before: 11, after: 12, words: { before: 'Storgata 1, 0155 Oslo', after: 'Fjellveien 3, 3580 Geilo' } });
    expect(sent.changes.find((c) => c.path === 'acctDeliveryAddress.distAddrType')).toMatchObject({ words: { before: 'Home', after: 'Cabin address' } });
    expect(await screen.findByTestId('perm-address-result')).toHaveTextContent('The address number used is 12.');
    await waitFor(() => expect(screen.getByTestId('permanent-address-text')).toHaveTextContent('Fjellveien 3, 3580 Geilo'));
  });

  it('enters a new address for one subscription, checked by the shared schema', async () => {
    csr.handle('address.changePerm', () => ok({ outcome: 'APPLIED', requestId: 'r1', distAddressNo: 13 }));
    renderUi(<PermAddressPanel accountNo={7} active />);
    await waitFor(() => expect(screen.getByTestId('perm-address')).toHaveAttribute('data-state', 'ready'));
    await userEvent.click(screen.getByRole('button', { name: 'Change permanent address' }));
    const wizard = screen.getByTestId('perm-address-wizard');
    await userEvent.click(within(wizard).getByLabelText('Enter a new address'));
    await userEvent.click(screen.getByTestId('perm-address-next'));
    // Every missing required field at once: the type, the street, the postal code and the city.
    expect(await within(wizard).findByText('Choose an address type.')).toBeInTheDocument();
    expect(within(wizard).getByText('Enter the street name or the first address line')).toBeInTheDocument();
    expect(within(wizard).getAllByText('Required')).toHaveLength(2); // postal code and city
    await userEvent.click(within(wizard).getByRole('combobox', { name: 'Address type *' }));
    await userEvent.click(screen.getByRole('option', { name: 'Cabin address' }));
    await userEvent.type(within(wizard).getByLabelText('Street name'), 'Sjøgata');
    await userEvent.type(within(wizard).getByLabelText('Street number'), '5');
    await userEvent.type(within(wizard).getByLabelText('Entrance'), 'B');
    await userEvent.type(within(wizard).getByLabelText('Floor'), '2');
    await userEvent.type(within(wizard).getByLabelText('Flat'), 'H0201');
    // The poststed comes from the postal register as the code is typed.
    await userEvent.type(within(wizard).getByLabelText('Postal code *'), '8006');
    expect(within(wizard).getByLabelText('City *')).toHaveValue('BODØ');
    await userEvent.click(screen.getByTestId('perm-address-next'));
    await userEvent.click(within(wizard).getByLabelText('One subscription'));
    await userEvent.click(within(wizard).getByRole('combobox', { name: 'Subscription' }));
    await userEvent.click(screen.getByRole('option', { name: /Aftenposten Digital/ }));
    await userEvent.click(screen.getByTestId('perm-address-next'));
    await userEvent.click(screen.getByTestId('perm-address-confirm'));
    await waitFor(() => expect(csr.inputs('address.changePerm')).toHaveLength(1));
    const input = csr.inputs('address.changePerm')[0] as { change: Record<string, unknown> };
    expect(input.change).toMatchObject({
      ariaAccountNo: 7,
      ariaMPINo: 900,
      distAddressType: 'CABIN',
      acctDeliveryAddress: { distAddrType: 'CABIN', distStreetName: 'Sjøgata', distStreetNo: '5', distEntranceNo: 'B', distFlatFloor: '2', distFlatNo: 'H0201', distAddrPostalCode: '8006', distAddrCity: 'BODØ', distAddrCountryCode: 'NO' },
    });
    expect(await screen.findByTestId('perm-address-result')).toHaveTextContent('13');
  });
});
