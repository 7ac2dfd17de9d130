import { AdminRoster } from "./admin-roster";
import { AdminSettings } from "./admin-settings";

/** A district admin starts with setup: the calendar and deadlines, then the roster. */
export function AdminHome() {
  return (
    <>
      <AdminSettings />
      <AdminRoster />
    </>
  );
}
