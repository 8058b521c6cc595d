/**
 * The school's rubric pack, if it has one: the rubric file made on /rubrics/, opened as the
 * wizard opens one (a preview, then confirm). With it, one plan file gives a teacher everything.
 */
import { useState } from 'react';
import {
  importPackBytes,
  MAX_RUBRIC_FILE_BYTES,
  packPreview,
  type RubricPack,
} from '../../lib/rubrics/rubric-file';
import JsonFileButton from '../JsonFileButton';
import PackPreview from '../rubrics/PackPreview';

interface Props {
  pack: RubricPack | undefined;
  rubricsPath: string;
  onChange: (pack: RubricPack | undefined) => void;
}

export default function RubricPackField({ pack, rubricsPath, onChange }: Props) {
  const [incoming, setIncoming] = useState<{ pack: RubricPack; from: string }>();
  const [error, setError] = useState<string>();
  const current = pack ? packPreview(pack) : undefined;
  return (
    <>
      <p className="muted">
        学校按本地考核指南在<a href={rubricsPath}>“录入评价标准”</a>
        页面做好评价标准文件后，可以放进方案：教师打开方案时一并得到这些评价标准。
      </p>
      {current ? (
        <p>
          方案中的评价标准：{current.sourceLine}，{current.abilities.length} 个微能力点（
          {current.abilities.map((a) => a.code).join('、')}）。{' '}
          <button type="button" className="link-button" onClick={() => onChange(undefined)}>
            从方案中移除评价标准
          </button>
        </p>
      ) : (
        <p>方案中没有评价标准：教师按本手册收录的标准或自己录入的标准自评。</p>
      )}
      <p>
        <JsonFileButton
          label="打开评价标准文件"
          maxBytes={MAX_RUBRIC_FILE_BYTES}
          what="评价标准文件"
          onRefused={(file, message) => setError(`未能打开“${file.name}”：${message} 方案没有改动。`)}
          onFile={async (file) => {
            const result = importPackBytes(new Uint8Array(await file.arrayBuffer()));
            if (!result.ok) {
              setIncoming(undefined);
              setError(`未能打开“${file.name}”：${result.error} 方案没有改动。`);
              return;
            }
            setError(undefined);
            setIncoming({ pack: result.pack, from: `“${file.name}”` });
          }}
        />
      </p>
      {error && (
        <p className="notice notice-warn" role="alert">
          {error}
        </p>
      )}
      {incoming && (
        <PackPreview
          pack={incoming.pack}
          from={incoming.from}
          question={
            pack ? '用这些评价标准替换方案中现有的评价标准吗？' : '把这些评价标准放进学校考核方案吗？'
          }
          confirmLabel="放进方案"
          onConfirm={() => {
            onChange(incoming.pack);
            setIncoming(undefined);
          }}
          onCancel={() => setIncoming(undefined)}
        />
      )}
    </>
  );
}
