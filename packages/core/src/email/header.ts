/** Control characters, line breaks included (CR, LF, NEL, LS, PS): none may reach an email header. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this expression's purpose.
const controlRun = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Text for one header line (the subject): each run of control characters becomes one space, so a
 * name like "Nguyen\r\nBcc: x@evil.test" can add no header, whatever let it into the data.
 */
export const headerText = (text: string) => text.replace(controlRun, " ").replace(/ {2,}/g, " ").trim();
