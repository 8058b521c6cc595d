/**
 * The plan schema's messages beside the fields they concern. The messages come from the last
 * check of the whole plan (validateDraft), so a message that another field's change settles
 * (a category added for a teacher's row) goes away at once, not when its own field is touched.
 */
import { createContext, useContext } from 'react';
import type { DraftIssue } from '../../lib/school/plan/plan-draft';

export const IssuesContext = createContext<ReadonlyMap<string, string>>(new Map());

export function issueMap(issues: readonly DraftIssue[]): ReadonlyMap<string, string> {
  return new Map(issues.map((i) => [i.path, i.message]));
}

const errorId = (path: string) => `plan-error-${path.replace(/\./g, '-')}`;

/** aria-invalid and aria-describedby for a field with a message; nothing otherwise. */
export function invalidProps(issues: ReadonlyMap<string, string>, path: string) {
  return issues.has(path) ? { 'aria-invalid': true as const, 'aria-describedby': errorId(path) } : {};
}

export function useInvalid() {
  const issues = useContext(IssuesContext);
  return (path: string) => invalidProps(issues, path);
}

export function FieldMessage({ path }: { path: string }) {
  const message = useContext(IssuesContext).get(path);
  return message ? (
    <p className="field-error" id={errorId(path)}>
      {message}
    </p>
  ) : null;
}
