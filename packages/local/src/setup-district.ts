import { parseArgs } from "node:util";
import { bootstrapDistrict, starterSettings } from "@fidelio/core/district";

/**
 * `npm run setup:district -- --table <TableName> --region <region> --name "<district>" --admin-email <address> --admin-name "<name>" [--time-zone America/Chicago]`
 *
 * One-shot, after the first deploy: writes the district and its first administrator to the deployed
 * table (the TableName stack output) with the AWS credentials of the shell (profile, SSO or keys),
 * through core's bootstrapDistrict. The admin then signs in at the app's URL with an emailed code,
 * sets the calendar and imports the roster. Running it again writes nothing (the address is taken).
 */
const { values } = parseArgs({
  options: {
    table: { type: "string" },
    region: { type: "string" },
    name: { type: "string" },
    "admin-email": { type: "string" },
    "admin-name": { type: "string" },
    "time-zone": { type: "string" },
  },
});
const missing = ["table", "name", "admin-email", "admin-name"].filter((key) => !values[key as keyof typeof values]);
if (missing.length > 0) {
  console.error(
    `Missing ${missing.map((m) => `--${m}`).join(", ")}.\nUsage: npm run setup:district -- --table <TableName output> --region <region> --name "<district>" --admin-email <address> --admin-name "<name>" [--time-zone America/Chicago]`,
  );
  process.exit(2);
}
process.env.TABLE_NAME = values.table;
if (values.region) process.env.AWS_REGION = values.region;

const { district, admin } = await bootstrapDistrict({
  name: values.name!,
  settings: { ...starterSettings(), ...(values["time-zone"] && { timeZone: values["time-zone"] }) },
  admin: { email: values["admin-email"]!, name: values["admin-name"]! },
});
console.log(`District ${district.name} (${district.id}) created in ${values.table}; administrator ${admin.email} (${admin.id}).`);
console.log("Next: sign in at the app's URL with that address (the code arrives by email), set the calendar, import the roster.");
