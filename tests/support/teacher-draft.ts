/**
 * A teacher's C5 self-check made with the draft library, for the review tests (unit and e2e,
 * so nothing here reads the content collections): a case video within the ten-minute limit with
 * the teacher on camera, every criterion ticked, and two student recordings, one without a hash.
 */
import { emptyDraft, type Draft } from '../../src/lib/self-check/draft';

export const CASE_SHA = 'a'.repeat(64);
export const ACCOUNT_SHA = 'b'.repeat(64);

/** 王老师's C5 self-check: every 优秀 criterion ticked, so the teacher's own grade is 优秀. */
export function teacherDraft(hashes: { case?: string; account?: string } = {}): Draft {
  return {
    ...emptyDraft(new Date('2025-04-01T08:00:00.000Z')),
    id: '0f8e6c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
    step: 3,
    profile: {
      name: '王老师',
      school: '徐水区第一中学',
      subject: '数学',
      stage: '初中',
      region: 'xushui',
      environment: '智慧学习环境',
    },
    abilities: ['C5'],
    evidence: {
      C5: {
        chosen: {},
        items: {
          scenario: { present: true, description: '初二（3）班分层作业', files: [], excellent: [], pass: [] },
          'case-video': {
            present: true,
            title: '分层作业的个别化指导',
            files: [
              {
                name: '案例.mp4',
                type: 'video/mp4',
                size: 52_428_800,
                durationSeconds: 540,
                sha256: hashes.case ?? CASE_SHA,
              },
            ],
            teacherOnCamera: true,
            excellent: [0, 1, 2, 3, 4],
            pass: [0, 1, 2, 3, 4],
          },
          'student-accounts': {
            present: true,
            files: [
              {
                name: '学生甲.m4a',
                type: 'audio/mp4',
                size: 1_000_000,
                durationSeconds: 100,
                sha256: hashes.account ?? ACCOUNT_SHA,
              },
              { name: '学生乙.m4a', type: 'audio/mp4', size: 1_000_000, durationSeconds: 110 },
            ],
            excellent: [],
            pass: [],
          },
        },
      },
    },
  };
}
