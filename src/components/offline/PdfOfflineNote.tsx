/** Tells the teacher, beside 生成 PDF 证据包, when the PDF cannot be made offline yet. */
import { useEffect, useState } from 'react';
import {
  PDF_OFFLINE_MESSAGES,
  pdfNeededFiles,
  pdfOfflineState,
  type PdfFontUrls,
} from '../../lib/pdf/pdf-offline';

interface Props {
  fonts: PdfFontUrls;
  /** A PDF is being made; when it is done the files may just have been kept. */
  busy: boolean;
}

const base = import.meta.env.BASE_URL;

async function missingFiles(fonts: PdfFontUrls): Promise<number> {
  // The list of this build's jsPDF chunks is itself in the offline copy.
  const list = (await (await fetch(`${base}offline-pdf.json`)).json()) as { code: string[] };
  const found = await Promise.all(
    pdfNeededFiles(fonts, list.code, base).map(async (url) => (await caches.match(url)) !== undefined),
  );
  return found.filter((kept) => !kept).length;
}

export default function PdfOfflineNote({ fonts, busy }: Props) {
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    if (busy) return;
    let current = true;
    const check = async () => {
      const controlled = Boolean(navigator.serviceWorker?.controller) && 'caches' in window;
      const missing = controlled ? await missingFiles(fonts).catch(() => 1) : 1;
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
  }, [fonts, busy]);

  return message ? (
    <p className="notice notice-warn" data-pdf-offline-note>
      {message}
    </p>
  ) : null;
}
