/** Prior written notice: the decline form's words and the notice's headings, from the shared catalog. */
import { noticeTexts } from "@fidelio/core/messages/catalog-notice";
import { register } from "../i18n";

register(noticeTexts);
