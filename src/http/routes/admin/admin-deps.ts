// What every admin route needs: the database and a way to wake the sync worker after a write, so the
// mirrors follow within milliseconds instead of waiting for the worker's slow timer.
import { ErrorBody } from '../../../../contract/api.js';
import type { Db } from '../../../db/store.js';

export interface AdminDeps {
  db: Db;
  /** Called after every successful write; the serve process wires it to the sync worker. */
  notifyWrite: () => void;
}

export const ADMIN_ERRORS = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  503: ErrorBody,
};
