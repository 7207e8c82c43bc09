import { z } from "zod";
import { endpointProblem, parseEndpointUrl } from "@/lib/lti/urls";
import { toFrameOrigin } from "@/lib/security/frame-origin";

const endpoint = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .refine((v) => parseEndpointUrl(v) !== null, endpointProblem(label));

/** One value per line or comma, blanks dropped: how the form's text areas are read. */
const list = (max: number, message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(/[\n,]/)).map((s) => s.trim()).filter(Boolean))
    .refine((v) => v.length <= max, message);

/**
 * A platform as an administrator registers it (README "Learning platforms"):
 * the values the LMS shows for our tool. The issuer is kept exactly as typed
 * (id_tokens are compared with it character for character); web addresses
 * must be https (http only on localhost).
 */
export const platformInputSchema = z.object({
  name: z.string().trim().min(1, "Name the platform, e.g. “Moodle (school)”.").max(100, "A platform name can be at most 100 characters."),
  issuer: z
    .string({ error: "Enter the platform's issuer." })
    .trim()
    .min(1, "Enter the platform's issuer.")
    .max(255)
    .refine((v) => parseEndpointUrl(v) !== null, endpointProblem("issuer")),
  clientId: z.string({ error: "Enter the client id." }).trim().min(1, "Enter the client id the platform gave our tool.").max(255),
  deploymentIds: list(50, "List at most 50 deployment ids.")
    .refine((v) => v.length > 0, "Enter at least one deployment id.")
    .refine((v) => v.every((d) => d.length <= 255), "A deployment id can be at most 255 characters."),
  authLoginUrl: endpoint("authentication request URL"),
  authTokenUrl: endpoint("access token URL"),
  jwksUrl: endpoint("public keyset URL"),
  authServer: z
    .string()
    .trim()
    .max(2048)
    .optional()
    .transform((v) => (v ? v : null)),
  frameOrigins: list(10, "List at most 10 web addresses the platform's pages are on.")
    .optional()
    .default([])
    .refine((v) => v.every((o) => toFrameOrigin(o) !== null), "Each web address must be like https://lms.school.edu."),
});

export type PlatformInput = z.infer<typeof platformInputSchema>;

export const platformIdSchema = z.object({ id: z.string().min(1).max(200) });
