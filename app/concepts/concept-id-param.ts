import { z } from "zod";

/** Concept and member ids are kebab-case (the dictionary's schema says so); anything else cannot exist. */
export const conceptIdParam = z
  .string()
  .min(1, "concept id is empty")
  .max(80, "concept id is longer than 80 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "concept id may hold only lowercase letters, digits and single hyphens");
