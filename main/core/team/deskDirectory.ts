// The operator directory the desk signs in with: its own (operators.sqlite) or, when the
// team-store settings say `directory: true`, the team's (TeamOperatorDirectory, D78). The
// session and the operator channels hold this one object; saving the team-store settings
// swaps what is behind it without a restart. The local directory stays open (and
// untouched) behind a team one, so turning the team directory off brings it back as it was.
import type { AuthResult, NewOperator, OperatorDirectory, OperatorRecord } from '../operators/directory';

export class DeskDirectory implements OperatorDirectory {
  private team: OperatorDirectory | null = null;

  constructor(readonly local: OperatorDirectory) {}

  /** The directory in use now. */
  get current(): OperatorDirectory {
    return this.team ?? this.local;
  }
  get kind() {
    return this.current.kind;
  }

  /** Puts the team's directory in front (or takes it away with null); closes the one it replaces. */
  useTeam(team: OperatorDirectory | null): void {
    const old = this.team;
    this.team = team;
    if (old && old !== team) old.close();
  }

  isEmpty(): Promise<boolean> {
    return this.current.isEmpty();
  }
  get(id: string): Promise<OperatorRecord | null> {
    return this.current.get(id);
  }
  list(): Promise<OperatorRecord[]> {
    return this.current.list();
  }
  authenticate(id: string, password: string): Promise<AuthResult> {
    return this.current.authenticate(id, password);
  }
  add(op: NewOperator): Promise<OperatorRecord> {
    return this.current.add(op);
  }
  setDisabled(id: string, disabled: boolean): Promise<OperatorRecord> {
    return this.current.setDisabled(id, disabled);
  }
  resetPassword(id: string, password: string): Promise<OperatorRecord> {
    return this.current.resetPassword(id, password);
  }
  changePassword(id: string, current: string, next: string): Promise<AuthResult> {
    return this.current.changePassword(id, current, next);
  }
  close(): void {
    this.useTeam(null);
    this.local.close();
  }
}
