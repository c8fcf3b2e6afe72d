// The audit log (docs/audit.md): open it with openAuditLog, verify a file with verifyAuditDb.
export * from './types';
export { auditEntryHash, checkpointMessage, headMessage, canonicalJson } from './hash';
export { openAuditLog, loadOrCreateDeskId, signingKeyName, AUDIT_FILE, DESK_ID_FILE, DEFAULT_CHECKPOINT_EVERY, type DeskAuditLog, type OpenAuditLogOptions, type AuditKeyState } from './log';
export { verifyAuditDb, publicKeyFromBase64, publicKeyToBase64, type VerifyOptions } from './verify';
export { AuditRefusedError, containsCardNumber, isSecretName, luhnValid, REMOVED } from './scrub';
