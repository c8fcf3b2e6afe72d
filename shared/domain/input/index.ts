// The input rules every form, the router and the sandbox share (docs/decisions.md D20–D23).
export * from './messages';
export * from './phone';
export * from './gln';
export * from './dates';
export * from './countries';
export * from './languages';
export * from './postalCodes';
export * from './address';
export * from './cardNumber';
