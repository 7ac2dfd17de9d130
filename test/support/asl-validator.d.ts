// asl-validator 4 ships no types.
declare module "asl-validator" {
  interface AslValidation {
    isValid: boolean;
    errors: Array<Record<string, unknown>>;
    errorsText(separator?: string): string;
  }
  export default function validator(definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }): AslValidation;
}
