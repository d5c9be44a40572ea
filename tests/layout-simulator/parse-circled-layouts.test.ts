import { describeLayoutProperties } from "./layout-properties";

// One file per marker style, so the two run side by side.
describeLayoutProperties("circled");
