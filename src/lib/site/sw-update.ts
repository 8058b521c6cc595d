/**
 * When a new build of the site is deployed, its service worker installs in the background and
 * waits. The page offers 刷新以使用新版本; only the reader's click lets the new worker take over
 * and reloads, so a half-filled self-check is never reloaded from under the teacher.
 */
export type UpdateEvent =
  /** A new worker finished installing while this page is controlled by an older one. */
  | 'update-waiting'
  /** The reader pressed 刷新以使用新版本. */
  | 'reader-asked'
  /** The page's controlling worker changed (first install, this tab's request, or another tab's). */
  | 'controller-changed';

export interface UpdateState {
  noticeShown: boolean;
  readerAsked: boolean;
}

export type UpdateAction = 'none' | 'show-notice' | 'activate-waiting' | 'reload';

export const INITIAL_UPDATE_STATE: UpdateState = { noticeShown: false, readerAsked: false };

export function updateStep(
  state: UpdateState,
  event: UpdateEvent,
): { state: UpdateState; action: UpdateAction } {
  switch (event) {
    case 'update-waiting':
      return state.noticeShown
        ? { state, action: 'none' }
        : { state: { ...state, noticeShown: true }, action: 'show-notice' };
    case 'reader-asked':
      return { state: { ...state, readerAsked: true }, action: 'activate-waiting' };
    case 'controller-changed':
      // Another tab's click, or the very first install, must not reload this page.
      return { state, action: state.readerAsked ? 'reload' : 'none' };
  }
}
