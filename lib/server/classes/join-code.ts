import "server-only";
import { randomInt } from "node:crypto";
import { JOIN_CODE_ALPHABET } from "@/lib/validation/classes";

/** A fresh 8-character code; with 31^8 ≈ 8.5e11 possibilities, guessing one is hopeless. */
export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}
