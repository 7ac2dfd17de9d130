/**
 * The people, classes and IEP content of the demo district, as plain data. `roster.ts` turns it into
 * OneRoster and Fidelio CSVs. Everything is fixed so every seed produces the same district.
 */

export const demoDomain = "demo.fidelio.test";

export const orgs = [
  { sourcedId: "rb-district", name: "Riverbend Unified School District", type: "district", parent: "" },
  { sourcedId: "rb-es", name: "Riverbend Elementary", type: "school", parent: "rb-district" },
  { sourcedId: "rb-ms", name: "Riverbend Middle", type: "school", parent: "rb-district" },
] as const;

export type SchoolId = "rb-es" | "rb-ms";

/** Staff from the student information system; `fidelioRole` is what fidelio_roles.csv adds. */
export const staff = [
  {
    sourcedId: "stf-001",
    given: "Linda",
    family: "Okafor",
    email: `director@${demoDomain}`,
    role: "administrator",
    org: "rb-district",
    fidelioRole: "director",
  },
  { sourcedId: "stf-002", given: "Jennifer", family: "Park", email: `casemanager@${demoDomain}`, role: "teacher", org: "rb-es", fidelioRole: "case_manager" },
  { sourcedId: "stf-003", given: "Maria", family: "Alvarez", email: `teacher@${demoDomain}`, role: "teacher", org: "rb-es" },
  { sourcedId: "stf-004", given: "David", family: "Chen", email: `teacher2@${demoDomain}`, role: "teacher", org: "rb-ms" },
  { sourcedId: "stf-005", given: "Karen", family: "Brooks", email: `karen.brooks@${demoDomain}`, role: "teacher", org: "rb-es" },
  { sourcedId: "stf-006", given: "James", family: "Wright", email: `james.wright@${demoDomain}`, role: "teacher", org: "rb-es" },
  { sourcedId: "stf-007", given: "Aisha", family: "Johnson", email: `aisha.johnson@${demoDomain}`, role: "teacher", org: "rb-ms" },
  { sourcedId: "stf-008", given: "Robert", family: "Miller", email: `robert.miller@${demoDomain}`, role: "teacher", org: "rb-ms" },
  { sourcedId: "stf-009", given: "Marcus", family: "Green", email: `marcus.green@${demoDomain}`, role: "teacher", org: "rb-ms", fidelioRole: "case_manager" },
  // Advocates are not in the SIS; the district lists them so fidelio_roles.csv can name them.
  { sourcedId: "stf-010", given: "Sam", family: "Rivera", email: `advocate@${demoDomain}`, role: "administrator", org: "rb-district", fidelioRole: "advocate" },
] as const;

export const classes = [
  { sourcedId: "cls-es-g1", title: "Grade 1 (Room 4)", school: "rb-es", teacher: "stf-005", grade: "01" },
  { sourcedId: "cls-es-g3", title: "Grade 3 (Room 12)", school: "rb-es", teacher: "stf-003", grade: "03" },
  { sourcedId: "cls-es-g5", title: "Grade 5 (Room 20)", school: "rb-es", teacher: "stf-006", grade: "05" },
  { sourcedId: "cls-es-ls", title: "Learning Support: Reading", school: "rb-es", teacher: "stf-002", grade: "" },
  { sourcedId: "cls-ms-math7", title: "Math 7", school: "rb-ms", teacher: "stf-004", grade: "07" },
  { sourcedId: "cls-ms-math8", title: "Math 8", school: "rb-ms", teacher: "stf-004", grade: "08" },
  { sourcedId: "cls-ms-eng7", title: "English 7", school: "rb-ms", teacher: "stf-007", grade: "07" },
  { sourcedId: "cls-ms-eng8", title: "English 8", school: "rb-ms", teacher: "stf-007", grade: "08" },
  { sourcedId: "cls-ms-sci7", title: "Science 7", school: "rb-ms", teacher: "stf-008", grade: "07" },
  { sourcedId: "cls-ms-sci8", title: "Science 8", school: "rb-ms", teacher: "stf-008", grade: "08" },
  { sourcedId: "cls-ms-ls", title: "Learning Support: Study Skills", school: "rb-ms", teacher: "stf-009", grade: "" },
] as const;

export const mathClasses = ["cls-ms-math7", "cls-ms-math8"];

/** [first, last, guardians]; a guardian is [first, last] with the student's last name unless given. */
type Guardian = readonly [string, string];
const cohort = (school: SchoolId, grade: string, rows: Array<readonly [string, string, ...Guardian[]]>) =>
  rows.map(([first, last, ...guardians]) => ({ school, grade, first, last, guardians }));

export const students = [
  ...cohort("rb-es", "01", [
    ["Liam", "Nguyen", ["Thao", "Nguyen"]],
    ["Ava", "Patel", ["Priya", "Patel"]],
    ["Noah", "Kim", ["Grace", "Kim"], ["Daniel", "Kim"]],
    ["Mia", "Robinson", ["Tasha", "Robinson"]],
    ["Lucas", "Garcia", ["Elena", "Garcia"]],
  ]),
  ...cohort("rb-es", "03", [
    ["Sofia", "Martinez", ["Rosa", "Martinez"]],
    ["Elijah", "Brown", ["Keisha", "Brown"]],
    ["Harper", "Wilson", ["Amanda", "Wilson"], ["Jason", "Wilson"]],
    ["Mateo", "Hernandez", ["Luis", "Hernandez"]],
    ["Chloe", "Davis", ["Brian", "Davis"]],
    ["Aiden", "Lee", ["Susan", "Lee"]],
  ]),
  ...cohort("rb-es", "05", [
    ["Isabella", "Lopez", ["Carmen", "Lopez"]],
    ["Jackson", "Moore", ["Derek", "Moore"]],
    ["Amelia", "Taylor", ["Nicole", "Taylor"]],
    ["Benjamin", "Anderson", ["Paul", "Anderson"]],
    ["Zoe", "Thomas", ["Monique", "Thomas"]],
  ]),
  ...cohort("rb-ms", "07", [
    ["Ethan", "Thompson", ["Michael", "Thompson"]],
    ["Olivia", "Jackson", ["Tiffany", "Jackson"]],
    ["Daniel", "White", ["Kevin", "White"], ["Sarah", "White"]],
    ["Emma", "Harris", ["Laura", "Harris"]],
    ["Gabriel", "Martin", ["Andre", "Martin"]],
    ["Layla", "Clark", ["Fatima", "Clark"]],
    ["Samuel", "Lewis", ["Heather", "Lewis"]],
  ]),
  ...cohort("rb-ms", "08", [
    ["Grace", "Walker", ["Jasmine", "Walker"]],
    ["Henry", "Hall", ["Mark", "Hall"]],
    ["Nora", "Allen", ["Rachel", "Allen"]],
    ["Julian", "Young", ["Oscar", "Young"]],
    ["Lily", "King", ["Megan", "King"], ["Steven", "King"]],
    ["Caleb", "Scott", ["Tyrone", "Scott"]],
    ["Aria", "Adams", ["Lauren", "Adams"]],
  ]),
];

/** The two demo parents sign in with short addresses; every other guardian has first.last@. */
export const specialGuardianEmails: Record<string, string> = {
  "Rosa Martinez": `parent@${demoDomain}`,
  "Michael Thompson": `parent2@${demoDomain}`,
};

export interface IepItemRow {
  itemType: "accommodation" | "modification" | "service" | "goal";
  itemId: string;
  text: string;
  minutesPerWeek?: number;
  providerRole?: string;
  area?: string;
  classSourcedIds?: string[];
}

const accommodation = {
  extendedTime: { itemType: "accommodation", itemId: "acc-extended-time", text: "Extended time (time and a half) on tests and quizzes" },
  seating: { itemType: "accommodation", itemId: "acc-seating", text: "Preferential seating near the point of instruction" },
  organizers: { itemType: "accommodation", itemId: "acc-graphic-organizers", text: "Graphic organizers for writing assignments" },
  readAloud: { itemType: "accommodation", itemId: "acc-read-aloud", text: "Test items read aloud, except reading-comprehension passages" },
  breaks: { itemType: "accommodation", itemId: "acc-breaks", text: "Frequent breaks: up to 5 minutes each hour, on request" },
  notes: { itemType: "accommodation", itemId: "acc-notes", text: "Copy of teacher notes or guided notes for each lesson" },
  directions: { itemType: "accommodation", itemId: "acc-directions", text: "Directions repeated and checked for understanding" },
  calculator: { itemType: "accommodation", itemId: "acc-calculator", text: "Calculator for computation on classwork and tests", classSourcedIds: mathClasses },
  schedule: { itemType: "accommodation", itemId: "acc-visual-schedule", text: "Visual schedule posted at the student's desk" },
  quietTesting: { itemType: "accommodation", itemId: "acc-quiet-testing", text: "Tests in a reduced-distraction setting" },
} satisfies Record<string, IepItemRow>;

const modification = {
  fewerItems: { itemType: "modification", itemId: "mod-fewer-items", text: "Reduced number of items on assignments (about half), same skills" },
  altGrading: { itemType: "modification", itemId: "mod-alt-grading", text: "Alternate grading based on progress toward IEP goals" },
} satisfies Record<string, IepItemRow>;

const service = {
  reading: {
    itemType: "service",
    itemId: "svc-reading",
    text: "Specialized reading instruction",
    minutesPerWeek: 120,
    providerRole: "Special education teacher",
  },
  speech: { itemType: "service", itemId: "svc-speech", text: "Speech-language therapy", minutesPerWeek: 60, providerRole: "Speech-language pathologist" },
  ot: { itemType: "service", itemId: "svc-ot", text: "Occupational therapy", minutesPerWeek: 30, providerRole: "Occupational therapist" },
  math: { itemType: "service", itemId: "svc-math", text: "Specialized math instruction", minutesPerWeek: 90, providerRole: "Special education teacher" },
  counseling: {
    itemType: "service",
    itemId: "svc-counseling",
    text: "Counseling: self-regulation skills",
    minutesPerWeek: 30,
    providerRole: "School psychologist",
  },
} satisfies Record<string, IepItemRow>;

const goal =
  (id: string, area: string, text: (name: string) => string) =>
  (name: string): IepItemRow => ({ itemType: "goal", itemId: id, area, text: text(name) });
const goals = {
  reading: goal(
    "gol-reading",
    "Reading fluency",
    (n) => `Given a grade-level passage, ${n} will read 90 words correct per minute with 95% accuracy in 4 of 5 weekly probes.`,
  ),
  writing: goal(
    "gol-writing",
    "Written expression",
    (n) => `${n} will write a paragraph with a topic sentence and three supporting details, scoring 3 of 4 on the district rubric in 3 of 4 samples.`,
  ),
  math: goal("gol-math", "Math problem solving", (n) => `${n} will solve two-step word problems with 80% accuracy across 3 consecutive biweekly probes.`),
  speech: goal("gol-articulation", "Articulation", (n) => `${n} will produce the /r/ sound in conversation with 90% accuracy in 3 consecutive sessions.`),
  motor: goal(
    "gol-handwriting",
    "Fine motor",
    (n) => `${n} will copy a 3-sentence passage legibly on lined paper, with correct letter size and spacing, in 4 of 5 trials.`,
  ),
  regulation: goal(
    "gol-self-regulation",
    "Self-regulation",
    (n) => `${n} will use a break card to ask for a break, instead of leaving the task, in 4 of 5 observed opportunities.`,
  ),
  planning: goal(
    "gol-planner",
    "Executive functioning",
    (n) => `${n} will record every assignment in a planner and check it with a teacher, for 4 consecutive weeks.`,
  ),
};

/** Five common IEP profiles; the student's index picks one, so the demo is varied but fixed. */
export function iepItemsFor(index: number, firstName: string, school: SchoolId): IepItemRow[] {
  const a = accommodation;
  const profiles: IepItemRow[][] = [
    [a.extendedTime, a.readAloud, a.organizers, service.reading, goals.reading(firstName), goals.writing(firstName)],
    [a.seating, a.directions, service.speech, goals.speech(firstName)],
    [a.breaks, a.seating, a.notes, a.quietTesting, service.counseling, goals.regulation(firstName), goals.planning(firstName)],
    [a.extendedTime, school === "rb-ms" ? a.calculator : a.schedule, modification.fewerItems, service.math, goals.math(firstName)],
    [a.notes, a.organizers, a.extendedTime, modification.altGrading, service.ot, service.reading, goals.motor(firstName), goals.reading(firstName)],
  ];
  return profiles[index % profiles.length]!;
}

/** IEP start dates spread over spring to fall 2026, before the demo's "today". */
export function iepStartFor(index: number) {
  const month = 3 + (index % 8);
  const day = 2 + ((index * 7) % 26);
  return `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
