import { z } from "zod";

export const slugParam = z
  .string()
  .min(1, "slug is empty")
  .max(80, "slug is longer than 80 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "slug may hold only lowercase letters, digits and hyphens");
