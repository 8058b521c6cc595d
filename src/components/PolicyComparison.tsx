/**
 * The side-by-side comparison island. The server renders the full table of every document, so
 * the page is complete without JavaScript; once hydrated, the reader picks documents, hides
 * identical rows and downloads CSV, and the choice is kept in the URL.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import {
  MAX_COMPARED,
  parseSelection,
  selectionProblem,
  selectionSearch,
} from '../lib/content/compare-selection';
import { downloadBlob } from './download';
import OnceButton from './OnceButton';
import './PolicyComparison.css';
import {
  cellIsEmpty,
  cellText,
  comparisonCsv,
  rowDiffers,
  type ComparisonRow,
} from '../lib/content/policies';

export interface ComparisonColumn {
  slug: string;
  region: string;
  title: string;
  href: string;
  /** The document rests on one public copy: its column is marked 待核实. */
  unverified: boolean;
}

interface Props {
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
}

function readOnlyDiff(search: string): boolean {
  return new URLSearchParams(search).get('diff') === '1';
}

function downloadCsv(csv: string): void {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `提升工程2.0政策比较_${day}.csv`);
}

export default function PolicyComparison({ columns, rows }: Props) {
  const order = useMemo(() => columns.map((c) => c.slug), [columns]);
  const [chosen, setChosen] = useState<string[]>(order);
  const [onlyDiff, setOnlyDiff] = useState(false);
  const [interactive, setInteractive] = useState(false);
  const statusId = useId();

  useEffect(() => {
    setChosen(parseSelection(window.location.search, order));
    setOnlyDiff(readOnlyDiff(window.location.search));
    setInteractive(true);
    const onPop = () => {
      setChosen(parseSelection(window.location.search, order));
      setOnlyDiff(readOnlyDiff(window.location.search));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [order]);

  // A link to one row (#row-quotas, from a search answer card) lands on it once the chosen
  // columns are shown: the browser's own jump came before the table took its final shape.
  useEffect(() => {
    if (!interactive || !window.location.hash.startsWith('#row-')) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [interactive]);

  const updateUrl = (nextChosen: string[], nextOnlyDiff: boolean) => {
    let search = selectionSearch(window.location.search, nextChosen, order);
    const params = new URLSearchParams(search);
    if (nextOnlyDiff) params.set('diff', '1');
    else params.delete('diff');
    search = `?${params.toString().replace(/%2C/g, ',')}`;
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  };

  const toggle = (slug: string) => {
    const next = chosen.includes(slug) ? chosen.filter((s) => s !== slug) : [...chosen, slug];
    const ordered = order.filter((s) => next.includes(s));
    setChosen(ordered);
    updateUrl(ordered, onlyDiff);
  };

  const toggleOnlyDiff = () => {
    setOnlyDiff(!onlyDiff);
    updateUrl(chosen, !onlyDiff);
  };

  const shownColumns = columns.filter((c) => chosen.includes(c.slug));
  // Until the island runs (and without JavaScript) the page is the full table of every document,
  // however many there are; the limit is on what a reader picks.
  const problem = interactive ? selectionProblem(chosen) : undefined;
  const differing = new Set(rows.filter((r) => rowDiffers(r, chosen)).map((r) => r.id));
  const shownRows = onlyDiff ? rows.filter((r) => differing.has(r.id)) : rows;

  return (
    <div className="comparison">
      {/* Rendered on the server too, so hydration shifts nothing; CSS hides it without JavaScript. */}
      <div className="controls no-print" data-interactive={interactive ? 'true' : 'false'}>
        <fieldset>
          <legend>选择要比较的文件（2—{MAX_COMPARED} 份）</legend>
          <ul className="choices">
            {columns.map((c) => (
              <li key={c.slug}>
                <label>
                  <input
                    type="checkbox"
                    name="r"
                    value={c.slug}
                    checked={chosen.includes(c.slug)}
                    disabled={!chosen.includes(c.slug) && chosen.length >= MAX_COMPARED}
                    onChange={() => toggle(c.slug)}
                  />{' '}
                  {c.region}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="actions">
          <label>
            <input type="checkbox" checked={onlyDiff} onChange={toggleOnlyDiff} /> 只看不同
          </label>
          <OnceButton
            className="button"
            disabled={problem !== undefined}
            onClick={() =>
              downloadCsv(
                comparisonCsv(
                  shownRows,
                  shownColumns.map((c) => ({ slug: c.slug, name: c.region })),
                ),
              )
            }
          >
            下载 CSV
          </OnceButton>
        </div>
      </div>

      <p id={statusId} role="status" className="summary">
        {problem ??
          `正在比较 ${shownColumns.length} 份文件：共 ${rows.length} 项，其中 ${differing.size} 项不同${
            onlyDiff ? '（只显示不同的项）' : ''
          }。`}
      </p>

      {problem === undefined && (
        <div className="table-scroll" role="region" aria-label="政策比较表（可横向滚动）" tabIndex={0}>
          <table className="compare-table" aria-describedby={statusId} data-columns={shownColumns.length}>
            <caption className="visually-hidden">
              各地提升工程2.0政策逐项比较，标“不同”的行表示所选文件说法不一
            </caption>
            <thead>
              <tr>
                <th scope="col">项目</th>
                {shownColumns.map((c) => (
                  <th scope="col" key={c.slug} data-column={c.slug}>
                    <a href={c.href}>{c.region}</a>
                    {c.unverified && (
                      <span
                        className="badge confidence-unverified"
                        title="这份文件只见于一份公开转载的资料，尚未与原件核对"
                      >
                        待核实
                      </span>
                    )}
                    <span className="doc-title">{c.title}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shownRows.map((row) => {
                const differs = differing.has(row.id);
                return (
                  <tr
                    key={row.id}
                    id={`row-${row.id}`}
                    data-row={row.id}
                    data-differs={differs ? 'true' : 'false'}
                  >
                    <th scope="row">
                      {row.label}
                      {differs && <span className="differs-badge">不同</span>}
                    </th>
                    {shownColumns.map((c) => {
                      const cell = row.cells[c.slug];
                      const text = cellText(cell);
                      const empty = cellIsEmpty(cell);
                      return (
                        <td
                          key={c.slug}
                          className={empty ? 'not-stated' : undefined}
                          data-gap={empty ? (cell?.gap ?? 'notHeld') : undefined}
                        >
                          {cell?.lines && cell.lines.length > 0 ? (
                            <ul>
                              {cell.lines.map((line) => (
                                <li key={line}>{line}</li>
                              ))}
                            </ul>
                          ) : (
                            text
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
