import { keys } from "../keys";
import { deleteItem } from "../update";

/** A team member's notice of an IEP change to acknowledge. */
export namespace IepNoticeItems {
  /** Deletes the member's notice for the student only if it is of `version` or an earlier one (a later one stays). */
  export const deleteUpTo = (userId: string, studentId: string, version: number) =>
    deleteItem(keys.iepNotice(userId, studentId), { condition: "#v <= :v", names: { "#v": "version" }, values: { ":v": version } });
}
