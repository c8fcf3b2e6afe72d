// The date input follows the app's language, not the OS: dd.mm.åååå in Bokmål, dd/mm/yyyy in
// English; 29.02 of a leap year is kept (31.02 typed in a browser: test/e2e/web/inputRules.spec.ts).
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DateInput } from '../../../renderer/components/DateInput';
import { changeLocale } from '../../../renderer/i18n';
import { renderUi } from './harness';

function setup(value = '') {
  const onChange = vi.fn();
  renderUi(<DateInput label="Gjelder fra" name="d" value={value} onChange={onChange} />);
  const hidden = document.querySelector<HTMLInputElement>('input[name="d"]')!;
  return { onChange, type: (text: string) => fireEvent.change(hidden, { target: { value: text } }), group: screen.getByRole('group', { name: 'Gjelder fra' }) };
}

describe('date input in the app language', () => {
  it('Bokmål: dd.mm.åååå, a real date as YYYY-MM-DD', () => {
    act(() => changeLocale('nb'));
    const { onChange, type, group } = setup();
    expect(group).toHaveTextContent('dd.mm.åååå');
    type('29.02.1980');
    expect(onChange).toHaveBeenLastCalledWith('1980-02-29');
    // 31.02 typed section by section is reported as INVALID_DATE: test/e2e/web/inputRules.spec.ts.
  });

  it('English: dd/mm/yyyy, and a value from the form is shown in that form', () => {
    act(() => changeLocale('en'));
    const { group } = setup('2031-12-24');
    expect(group).toHaveTextContent('24/12/2031');
  });
});
