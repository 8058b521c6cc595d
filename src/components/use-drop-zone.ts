/**
 * Files dropped on a part of the page (the review's drop zone, the school archive's, the
 * 考核指南 import). Dropping is a mouse shortcut for the file buttons inside that part, which
 * keyboards and screen readers use, so it is wired natively and the part stays a plain region.
 * A drag that carries no file (text dragged into a box inside) is left to the browser.
 */
import { useEffect, useRef, useState } from 'react';

export function useDropZone<T extends HTMLElement>(onDrop: (transfer: DataTransfer) => void) {
  const zone = useRef<T>(null);
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onDrop);
  latest.current = onDrop;
  useEffect(() => {
    const el = zone.current;
    if (!el) return;
    const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    // Moving over a child leaves the parent: the zone lights up until the pointer is outside it.
    const leave = (e: DragEvent) => {
      if (!el.contains(e.relatedTarget as Node | null)) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      setDragging(false);
      latest.current(e.dataTransfer);
    };
    el.addEventListener('dragover', over);
    el.addEventListener('dragleave', leave);
    el.addEventListener('drop', drop);
    return () => {
      el.removeEventListener('dragover', over);
      el.removeEventListener('dragleave', leave);
      el.removeEventListener('drop', drop);
    };
  }, []);
  return { zone, dragging };
}
