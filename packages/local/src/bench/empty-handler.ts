/** The smallest Lambda handler: the bench's cold-start baseline, and a stand-in entry where a construct needs one. */
export const handler = async () => ({ statusCode: 200, body: "" });
