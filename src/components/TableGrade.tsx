/** A grade in a table cell (table-grade.css); `grade` picks the colour, `children` is what is shown. */
import type { ReactNode } from 'react';
import './table-grade.css';

export default function TableGrade({ grade, children }: { grade: string; children: ReactNode }) {
  return <span className={`table-grade grade-${grade}`}>{children}</span>;
}
