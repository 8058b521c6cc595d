/** Tells the teacher, beside 生成 PDF 证据包, when the PDF cannot be made offline yet. */
import { useEffect, useState } from 'react';
import {
  PDF_OFFLINE_MESSAGES,
  pdfNeededFiles,
  pdfOfflineState,
  type PdfOfflineList,
} from '../../lib/pdf/pdf-offline';

interface Props {
  /** A PDF is being made; when it is done the files may just have been kept. */
  busy: boolean;
}

const base = import.meta.env.BASE_URL;

async function missingFiles(): Promise<number> {
  // The list of this build's jsPDF chunk and common font slices is itself in the offline copy.
  const list = (await (await fetch(`${base}offline-pdf.json`)).json()) as PdfOfflineList;
  // The precache keeps a file under its URL with Workbox's revision as a query.
  const found = await Promise.all(
    pdfNeededFiles(list, base).map(
      async (url) => (await caches.match(url, { ignoreSearch: true })) !== undefined,
    ),
  );
  return found.filter((kept) => !kept).length;
}

export default function PdfOfflineNote({ busy }: Props) {
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    if (busy) return;
    let current = true;
    const check = async () => {
      const controlled = Boolean(navigator.serviceWorker?.controller) && 'caches' in window;
      const missing = controlled ? await missingFiles().catch(() => 1) : 1;
      if (current)
        setMessage(PDF_OFFLINE_MESSAGES[pdfOfflineState({ controlled, online: navigator.onLine, missing })]);
    };
    void check();
    addEventListener('online', check);
    addEventListener('offline', check);
    navigator.serviceWorker?.addEventListener('controllerchange', check);
    return () => {
      current = false;
      removeEventListener('online', check);
      removeEventListener('offline', check);
      navigator.serviceWorker?.removeEventListener('controllerchange', check);
    };
  }, [busy]);

  return message ? (
    <p className="notice notice-warn" data-pdf-offline-note>
      {message}
    </p>
  ) : null;
}
