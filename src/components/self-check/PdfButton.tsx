/** "生成 PDF 证据包": builds the packet from the draft, loads jsPDF and the font on demand, downloads the file. */
import { useState } from 'react';
import type { Draft } from '../../lib/self-check/draft';
import { buildPacket, type PacketAbility, type PacketReview } from '../../lib/pdf/packet';
import { downloadBlob } from '../download';
import { markPdf, startPdfLoads, type PdfFonts } from './pdf-loads';
import PdfOfflineNote from '../offline/PdfOfflineNote';
import { useOnce } from '../use-once';
import ShareButton from '../ShareButton';
import { pdfFailureMessage } from '../../lib/pdf/pdf-offline';

interface Props {
  draft: Draft;
  abilities: PacketAbility[];
  regionName: string | undefined;
  siteVersion: string;
  fonts: PdfFonts;
  /** Review stages to print filled in (the review page's packet); none leaves the columns blank. */
  reviews?: readonly PacketReview[] | undefined;
  label?: string | undefined;
  /** Id of the status line; pages with several buttons give each its own. */
  statusId?: string | undefined;
  /** More lines for the cover (the school plan's rule and whether it is met). */
  coverFields?: readonly [string, string][] | undefined;
}

export default function PdfButton({
  draft,
  abilities,
  regionName,
  siteVersion,
  fonts,
  reviews,
  label = '生成 PDF 证据包',
  statusId = 'pdf-status',
  coverFields = [],
}: Props) {
  const [status, setStatus] = useState('');
  const [warning, setWarning] = useState<string>();
  /** The last PDF made, for 分享 (a share needs its own press: making the PDF can outlast the first). */
  const [made, setMade] = useState<File>();

  const { run: generate, busy } = useOnce(async () => {
    setWarning(undefined);
    markPdf('click');
    try {
      // The layout code, jsPDF, the font manifest and the first slice all come at once.
      const loads = startPdfLoads(fonts);
      const renderer = import('./pdf-packet');
      renderer.catch(() => {}); // awaited below; a failure is reported there, once
      const packet = buildPacket({
        draft,
        abilities,
        regionName,
        generatedAt: new Date(),
        siteVersion,
        reviews,
      });
      packet.cover.fields.push(...coverFields);
      const { renderPacketPdf } = await renderer;
      markPdf('code');
      const outcome = await renderPacketPdf(packet, fonts, setStatus, loads);
      downloadBlob(outcome.blob, packet.filename);
      markPdf('saved');
      setMade(new File([outcome.blob], packet.filename, { type: 'application/pdf' }));
      const notes: string[] = [];
      if (outcome.fromFallback.length > 0)
        notes.push(`这些字不常用，已另外取得所需的字体：${outcome.fromFallback.join(' ')}。`);
      if (outcome.unrenderable.length > 0)
        notes.push(
          `这些字没有任何字库能显示，PDF 中以“〓”代替，请打印后手写补上：${outcome.unrenderable.join(' ')}。`,
        );
      if (notes.length > 0) setWarning(notes.join(''));
      setStatus(`PDF 已生成：${packet.filename}`);
    } catch (error) {
      setStatus(pdfFailureMessage(error));
    }
  });

  return (
    <div className="pdf-button">
      <button
        type="button"
        className="button"
        onClick={(e) => generate(e.detail)}
        disabled={busy}
        aria-describedby={statusId}
      >
        {busy ? '正在生成 PDF……' : label}
      </button>
      <PdfOfflineNote busy={busy} />
      <p id={statusId} role="status" className="muted">
        {status}
      </p>
      {made && !busy && <ShareButton label={`分享 PDF（${made.name}）`} kind="pdf" file={() => made} />}
      {warning && (
        <p className="notice notice-warn" role="alert">
          {warning}
        </p>
      )}
    </div>
  );
}
